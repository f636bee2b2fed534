"""Where credentials come from, and that a broken netrc file is reported without its contents."""

from __future__ import annotations

import pytest

from govkg.errors import ExportError
from govkg.export.auth import find_credentials

URL = "http://store.example:7200/repositories/news/rdf-graphs/service"


def test_a_token_wins_over_a_user_and_password():
    found = find_credentials(URL, {"GOVKG_TOKEN": "t0k", "GOVKG_USER": "u", "GOVKG_PASSWORD": "p"})
    assert found is not None and found.token == "t0k" and found.user is None


def test_the_netrc_entry_is_chosen_by_host(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine other.example login a password b\nmachine store.example login c password d\n")
    netrc.chmod(0o600)
    found = find_credentials(URL, {"NETRC": str(netrc)})
    assert found is not None and (found.user, found.password) == ("c", "d")


def test_no_entry_for_the_host_means_no_credentials(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine other.example login a password b\n")
    netrc.chmod(0o600)
    assert find_credentials(URL, {"NETRC": str(netrc)}) is None


def test_a_broken_netrc_file_gives_its_line_not_its_contents(tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.example login c password d\nsecret-word here\n", encoding="utf-8")
    netrc.chmod(0o600)
    with pytest.raises(ExportError, match=r"netrc: cannot read this netrc file \(line \d+\)") as broken:
        find_credentials(URL, {"NETRC": str(netrc)})
    assert "secret-word" not in str(broken.value)


def test_a_named_netrc_file_that_is_missing_is_an_error(tmp_path):
    with pytest.raises(ExportError, match="no such netrc file"):
        find_credentials(URL, {}, netrc_file=tmp_path / "missing")


def test_credentials_never_show_in_their_repr():
    found = find_credentials(URL, {"GOVKG_USER": "someone", "GOVKG_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(found) and "someone" not in repr(found)
