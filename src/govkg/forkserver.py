"""Imported by the forkserver before it forks any worker (``engines._context``).

The default extractor (jieba's dictionary, the gazetteer, the rules: about a second and a half)
is loaded here once; every worker forked from this process starts with it, shared copy-on-write,
instead of loading its own. Workers of another extractor class load theirs as before.
"""

from govkg.engines import class_path, worker_extractor
from govkg.pipeline import Extractor

worker_extractor(class_path(Extractor))
