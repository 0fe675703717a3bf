"""Facts from entertainment news: people, titles, organizations, dates, credits and
release claims, each with the spans of its evidence: UTF-8 byte offsets by default (as the
command line prints them), character offsets (Python `str` indices) with `offsets="char"`.

The dicts returned are the JSON of the facts contract (`docs/facts-json.md` in the newsfacts
repository), exactly what `newsfacts extract` prints. Fields may be added in minor
versions; none listed here is renamed or removed.
"""

import datetime
import os
from collections.abc import Iterable, Sequence
from typing import Literal, TypedDict, Union

from typing_extensions import NotRequired

__version__: str

TitleKind = Literal["film", "series", "franchise", "game", "album", "song", "book", "other"]
OrgKind = Literal["studio", "network", "streamer", "distributor", "publisher", "label", "other"]
Granularity = Literal["day", "month", "quarter", "season", "year"]
RoleKind = Literal[
    "actor",
    "director",
    "writer",
    "producer",
    "executive_producer",
    "creator",
    "showrunner",
    "composer",
    "cinematographer",
    "editor",
    "host",
    "voice",
    "musician",
    "other",
]
ReleaseStatus = Literal["released", "scheduled", "announced", "greenlit", "in_production", "delayed", "cancelled"]
Venue = Literal["theaters", "streaming", "tv", "home_video", "festival"]

class Span(TypedDict):
    """Offsets into the input, half-open: UTF-8 bytes, or characters with offsets="char"."""

    start: int
    end: int

class Mention(TypedDict):
    """One place an entity is named: `text` is the input's bytes [start, end) decoded, or
    with offsets="char" the input str's `[start:end]`."""

    start: int
    end: int
    text: str

class Person(TypedDict):
    name: str
    mentions: list[Mention]

class Title(TypedDict):
    name: str
    kind: TitleKind
    mentions: list[Mention]

class Organization(TypedDict):
    name: str
    kind: OrgKind
    mentions: list[Mention]

# `from` is a keyword, hence the functional syntax.
DateRangeValue = TypedDict("DateRangeValue", {"from": str, "to": str})
DateValue = Union[str, DateRangeValue]

class DateMention(TypedDict):
    text: str
    start: int
    end: int
    value: DateValue | None
    granularity: Granularity
    relative: bool

class Evidence(TypedDict):
    """Span of the text a credit or release was read from (bytes, or characters with
    offsets="char"), and the rule that read it."""
    start: int
    end: int
    rule: str

class Role(TypedDict):
    person: str
    role: RoleKind
    character: str | None
    title: str | None
    evidence: Evidence

class Release(TypedDict):
    title: str
    date: DateValue | None
    status: ReleaseStatus
    venue: Venue | None
    platform: NotRequired[str]
    hedged: bool
    evidence: Evidence

class Facts(TypedDict):
    published: str | None
    section: str | None
    tags: list[str]
    headline: str | None
    people: list[Person]
    titles: list[Title]
    organizations: list[Organization]
    dates: list[DateMention]
    roles: list[Role]
    releases: list[Release]
    warnings: list[str]

Text = Union[str, bytes]
Published = Union[str, datetime.date, None]
Gazetteer = Union[Iterable[str], str, os.PathLike[str], None]
Offsets = Literal["byte", "char"]

class Extractor:
    """Extracts people, titles, organizations, dates, credits and release claims from
    entertainment news articles.

    Build one and reuse it: construction compiles the lexicons; extraction is then cheap,
    thread-safe, and runs with the GIL released.

    Args:
        people: extra people, as a list of names or the path of a gazetteer file
            (one name a line).
        titles: extra titles, as a list of names (films) or the path of a gazetteer file
            (`name` or `name<TAB>kind`: film, series, game, album, ...).
        orgs: extra organizations, as a list of names (kind "other") or the path of a
            gazetteer file (`name` or `name<TAB>kind`: studio, network, streamer, ...).
        rules: credit rule files to run beside the built-in rules: one path or a list of
            paths (format: docs/rules.md). `check_rules()` runs their examples.

    Raises:
        OSError: a gazetteer or rule file cannot be read (FileNotFoundError, ...).
        ValueError: a gazetteer row or a rule is malformed (the message names file:line,
            and for a rule the column).
        TypeError: an argument has the wrong type.
    """

    def __init__(
        self,
        people: Gazetteer = None,
        titles: Gazetteer = None,
        orgs: Gazetteer = None,
        rules: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]], None] = None,
    ) -> None: ...
    def check_rules(self) -> list[str]:
        """Runs the examples of the user's rule files; one line per example that does not
        hold (empty when all hold or there are no rule files)."""
    def extract(self, text: Text, published: Published = None, *, offsets: Offsets = "byte") -> Facts:
        """Extracts the facts of one article.

        Args:
            text: the article (str, or UTF-8 bytes).
            published: publication date ("YYYY-MM-DD" or datetime.date), the anchor for
                relative dates when the text has no metadata line with a date.
            offsets: what `start` and `end` count. "byte" (the default): UTF-8 byte
                offsets, as the command line prints them. "char": characters (code
                points), so that `text[m["start"]:m["end"]] == m["text"]` on the str (for
                bytes input, on its decoded str).

        Returns:
            The facts as a dict: exactly the JSON `newsfacts extract` prints (with
            offsets="char", the same but for the offsets).

        Raises:
            ValueError: bad date, text that is not valid UTF-8 or contains a NUL, or an
                unknown offsets.
            TypeError: text or published of the wrong type.
        """

    def extract_batch(
        self,
        texts: Iterable[Text],
        published: Union[Published, Sequence[Published]] = None,
        threads: int | None = None,
        *,
        offsets: Offsets = "byte",
    ) -> list[Facts]:
        """Extracts many articles in parallel, with the GIL released.

        Args:
            texts: a sequence of articles (str, or UTF-8 bytes).
            published: one publication date for all texts ("YYYY-MM-DD", datetime.date or
                None), or a sequence of them, one a text.
            threads: worker threads for this call (a pool started per call); default:
                one shared pool with a thread per core.
            offsets: "byte" (default) or "char", as for `extract`.

        Returns:
            A list of dicts, in input order.

        Raises:
            ValueError: a bad date or text (the message names its index), a published
                sequence of the wrong length, threads < 1, or an unknown offsets.
            TypeError: an argument of the wrong type.
        """
