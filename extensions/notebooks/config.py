"""``kq_notebook_repository``: where the committed notebooks live, for "Open in Colab" links.

The value is ``"owner/repo@branch"``: Colab opens
``https://colab.research.google.com/github/<owner>/<repo>/blob/<branch>/notebooks/<file>.ipynb``,
so the notebooks must be committed under ``notebooks/`` on that branch. ``None`` (the default)
gives no Colab link; the download link is always there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

NAME = "kq_notebook_repository"
#: GitHub's rules: an owner is letters, digits and single hyphens; a repository adds ``.`` and
#: ``_``; a branch is anything git allows that needs no escaping in a URL path.
REPOSITORY = re.compile(
    r"^(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})"
    r"/(?P<repo>[A-Za-z0-9._-]{1,100})"
    r"@(?P<branch>[A-Za-z0-9._/-]{1,255})$"
)
COLAB = "https://colab.research.google.com/github/{owner}/{repo}/blob/{branch}/notebooks/{file}"


@dataclass(frozen=True)
class Repository:
    owner: str
    repo: str
    branch: str

    def colab_url(self, file_name: str) -> str:
        return COLAB.format(owner=self.owner, repo=self.repo, branch=self.branch, file=file_name)


def parse_repository(value: object) -> Repository | None:
    """The repository ``value`` names, or None when it is malformed."""
    if not isinstance(value, str):
        return None
    match = REPOSITORY.match(value.strip())
    if match is None or match["repo"] in (".", "..") or ".." in match["branch"]:
        return None
    if match["branch"].startswith("/") or match["branch"].endswith(("/", ".lock")):
        return None
    return Repository(match["owner"], match["repo"], match["branch"])


def check_config(app: Sphinx, config: Config) -> None:
    """Warn once, when the build starts, about a malformed value."""
    value = getattr(config, NAME)
    if value is not None and value != "" and parse_repository(value) is None:
        warn(
            Subtype.CONFIG,
            f"{NAME} = {value!r} is not 'owner/repo@branch' (e.g. 'keras-quest/keras-quest@main'); "
            "the track pages get no 'Open in Colab' link",
            logger=logger,
        )


def repository_of(config: Config) -> Repository | None:
    """The configured repository, or None (not set, or malformed: see :func:`check_config`)."""
    value = getattr(config, NAME, None)
    return parse_repository(value) if value else None


def setup_config(app: Sphinx) -> None:
    # "html": the value changes the pages' links, not what Sphinx reads.
    app.add_config_value(NAME, None, "html", types=frozenset({str, type(None)}))
    app.connect("config-inited", check_config)
