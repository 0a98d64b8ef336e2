"""A question as its author wrote it: what ``parse.py`` reads and ``validate.py`` judges.

Reading records facts and judges nothing: every option exactly as written (with its line, empty
or repeated), every part it found and where. ``validate.check`` turns the facts into problems and
converts the option values, once, into the ``Checked`` values a question is built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docutils import nodes


@dataclass(frozen=True)
class RawOption:
    """``:name: value`` as written in the directive (value stripped, "" when there is none)."""

    name: str
    value: str
    line: int


@dataclass
class Tag:
    """A ``{misconception}`label``` role as written: the label text and its line."""

    label: str
    line: int


@dataclass
class DraftOption:
    """One option (or ordering item) as written."""

    label: list[nodes.Node]
    line: int
    correct: bool | None = None  # None: no [x] / [ ] marker
    feedback: list[nodes.Node] = field(default_factory=list)
    has_text_paragraph: bool = True  # False: the item does not start with a paragraph
    extra_blocks: list[nodes.Node] = field(default_factory=list)  # ordering items: more than text
    tags: list[Tag] = field(default_factory=list)  # {misconception} roles written in the item
    source: str = ""  # the file it is written in, when an {include} brought it in ("": the page's)

    @property
    def text(self) -> str:
        return nodes.Element("", *self.label).astext()


@dataclass
class Draft:
    """Everything a ``{question}`` holds, before validation."""

    source: str
    line: int
    derived_id: str  # the id the question gets when it has no :id:
    options: list[RawOption] = field(default_factory=list)
    text: list[nodes.Node] = field(default_factory=list)
    choices: list[DraftOption] | None = None
    option_lists: list[nodes.Element] = field(default_factory=list)  # every list read as options
    after_options: list[nodes.Node] = field(default_factory=list)
    hints: list[nodes.Element] = field(default_factory=list)
    explanations: list[nodes.Element] = field(default_factory=list)
    nested_parts: list[nodes.Element] = field(default_factory=list)  # hint/explanation in a part
    parts_in_options: list[nodes.Element] = field(default_factory=list)  # ... under an option
    empty_roles: list[nodes.Node] = field(default_factory=list)  # `{misconception}``` as text
    orphan_feedback: list[nodes.Element] = field(default_factory=list)
    raw: list[nodes.raw] = field(default_factory=list)  # raw HTML anywhere in the question
    stray_options: list[tuple[str, str, int]] = field(default_factory=list)  # (part, name, line)
    misplaced_tags: list[Tag] = field(default_factory=list)  # roles outside any option

    def option(self, name: str) -> RawOption | None:
        """The last ``:name:`` written (validation reports any earlier one)."""
        found = [option for option in self.options if option.name == name]
        return found[-1] if found else None

    def value(self, name: str) -> str | None:
        option = self.option(name)
        return None if option is None else option.value

    def line_of(self, name: str) -> int:
        option = self.option(name)
        return option.line if option is not None else self.line

    @property
    def kind(self) -> str:
        value = self.value("kind")
        return "single" if value is None else value


@dataclass(frozen=True)
class Checked:
    """The converted values of a question that passed validation."""

    qid: str
    derived_id: bool
    kind: str
    xp: int
    shuffle: bool
    accept: list[str]
    accept_text: list[str]
    number: float | None
    tolerance: float
    misconceptions: dict[int, str] = field(default_factory=dict)  # option index -> label
