"""Credentials for a store: from the environment or a netrc file, never the command line, never printed."""

from __future__ import annotations

import netrc
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from govkg.errors import ExportError

ENV_USER = "GOVKG_USER"
ENV_PASSWORD = "GOVKG_PASSWORD"
ENV_TOKEN = "GOVKG_TOKEN"


@dataclass(frozen=True)
class Credentials:
    """A user and password (Basic, or Digest when the store asks) or a bearer token.

    ``source`` says where they came from and is the only part safe to show.
    """

    source: str
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)


def find_credentials(
    url: str, env: Mapping[str, str] = os.environ, netrc_file: Path | None = None
) -> Credentials | None:
    """``$GOVKG_TOKEN``, else ``$GOVKG_USER`` + ``$GOVKG_PASSWORD``, else the netrc entry for the host."""
    if env.get(ENV_TOKEN):
        return Credentials(f"${ENV_TOKEN}", token=env[ENV_TOKEN])
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user or password:
        if not (user and password):
            missing = ENV_PASSWORD if user else ENV_USER
            raise ExportError(f"${missing} is not set; set both ${ENV_USER} and ${ENV_PASSWORD}, or neither")
        return Credentials(f"${ENV_USER}/${ENV_PASSWORD}", user=user, password=password)
    path = netrc_file or Path(env.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        if netrc_file is not None:
            raise ExportError(f"{path}: no such netrc file")
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except netrc.NetrcParseError as err:  # its message may quote a password: give the line only
        raise ExportError(f"{path}: cannot read this netrc file (line {err.lineno})") from None
    except OSError as err:
        raise ExportError(f"{path}: cannot read: {err.strerror}") from None
    if entry is None:
        return None
    login, _, secret = entry
    return Credentials(f"netrc {path}", user=login, password=secret or "")
