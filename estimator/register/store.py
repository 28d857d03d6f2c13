"""The case register: an SQLite file in the user's data folder, created and migrated by the program.

Owner-only, written in transactions with a write-ahead log: a process killed mid-write loses only its unfinished
transaction. A file that is no register of this program (damaged, or another program's database) is reported
and set aside under a new name, and a new register is started; one from a newer version of the program is
left as it is and not used. Every value read back is checked as hostile input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from estimator.datadir import data_dir
from estimator.files import is_text, shown_path
from estimator.invisible import without_invisible
from estimator.register import MAX_NUMBER, MAX_RESULTS, MAX_SEARCH, RegisterError
from estimator.register.entry import Entry, number_key
from estimator.register.persons import name_key
from estimator.register.rows import COLUMNS, LISTED, UNREADABLE, Listed, entry_from, listed_from, row_of

FILE_NAME = "faelle.sqlite"
APPLICATION_ID = 0x484B5052  # "HKPR": a register of this program
SCHEMA_VERSION = 5
READABLE = (4, 5)  # read by `hkp estimate` unmigrated: 4 differs only in the keys of names with invisible characters
NOT_TEXT = (
    "Der Fall {0} ist gespeichert, aber nicht im Fallregister: sein Pfad ist kein UTF-8-Text (bitte Ordner oder Datei umbenennen)"
)
NO_NUMBER_LEFT = f"Das Fallregister hat keine neue Fallnummer mehr frei (die höchste ist {MAX_NUMBER})."
BUSY_MS = 5_000  # waiting for another process's transaction (the window and `hkp` at once)

# Each migration takes the register from the version before it to its own; index 0 creates version 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            birth_date TEXT,
            insurance_number TEXT NOT NULL,
            number_key TEXT NOT NULL,
            tariff TEXT NOT NULL,
            insurance_start TEXT,
            plan_date TEXT,
            day TEXT NOT NULL,
            treatment_dates TEXT NOT NULL,
            status TEXT NOT NULL,
            paid TEXT,
            billed TEXT NOT NULL,
            benefit TEXT NOT NULL,
            years TEXT NOT NULL,
            saved TEXT NOT NULL
        )""",
        "CREATE INDEX cases_number ON cases (number_key)",
        "CREATE INDEX cases_person ON cases (name_key, birth_date)",
        "CREATE INDEX cases_day ON cases (day)",
    ),
    # version 2: the case's whole class-A benefit, also after the years with staged caps (NULL: as the years say)
    ("ALTER TABLE cases ADD COLUMN class_a TEXT",),
    # version 3: the highest case number ever given, so that the number of a case dropped from the register is
    # never given to another case (a list printed before still names the right case)
    ("CREATE TABLE given (highest INTEGER NOT NULL)", "INSERT INTO given SELECT coalesce(max(id), 0) FROM cases"),
    # version 4: the deductible taken and the PZR counted per calendar year (NULL: not known, as before version 4),
    # whether the case was estimated with the register's offer (NULL: not known),
    # and names compared with umlauts spelt out and without commas (estimator.register.entry.name_key)
    (
        "ALTER TABLE cases ADD COLUMN calendar TEXT",
        "ALTER TABLE cases ADD COLUMN offered INTEGER",
        "UPDATE cases SET name_key = trim(replace(replace(replace(replace(replace(replace(name_key, 'ä', 'ae'), "
        "'ö', 'oe'), 'ü', 'ue'), ', ', ' '), ',', ' '), '  ', ' '))",
    ),
    # version 5: names and insurance numbers compared without characters that print as nothing (estimator.invisible)
    # and the teeth of each case, so that two plans of one day for other teeth count as two (NULL: not known)
    (
        "UPDATE cases SET name_key = visible(name_key), number_key = visible(number_key)",
        "ALTER TABLE cases ADD COLUMN teeth TEXT",
    ),
)


def _why(error: sqlite3.Error) -> str:
    """SQLite's reason in German where it is one a user can act on."""
    said = str(error)
    for english, german in (
        ("locked", "von einem anderen Programm gerade gesperrt; bitte gleich noch einmal versuchen"),
        ("readonly", "schreibgeschützt"),
        ("full", "der Datenträger ist voll"),
        ("disk I/O", "Lese- oder Schreibfehler des Datenträgers"),
        ("too complex", "Suchtext zu lang"),
    ):
        if english in said:
            return german
    return f"SQLite meldet: {said}"


def _visible_key(key: str) -> str:
    """A name's or an insurance number's key of version 4 as version 5 keeps it: without invisible characters."""
    return " ".join(without_invisible(key).split())


class _Unusable(Exception):
    """A file that is no register of this program: it is set aside."""


def default_path(create: bool = True) -> Path:
    """The register's file in the data folder (the folder made when it is new, unless create is False)."""
    return data_dir(create) / FILE_NAME


def _contains(text: str) -> str:
    """A LIKE pattern for text anywhere, with LIKE's own characters taken as they are."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Register:
    """The register file, open; `notice` says what was found wrong with it on opening (it was set aside)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path else default_path()
        self.notice = ""
        self.unreadable = 0  # rows of the last search that were not this program's and were left out
        self.keys = "{}"  # how a query takes a key column (read unmigrated from version 4: through visible())
        self.selected = f"id, {', '.join(COLUMNS)}"  # the columns an entry is read from (version 4: no teeth)
        if read_only:  # only to read (hkp estimate): nothing moved or migrated (SQLite may leave a WAL side file)
            self.connection = self._open_to_read()
            return
        try:
            try:
                self.connection = self._open()
            except _Unusable as error:
                self._set_aside(str(error))
                self.connection = self._open()
            except sqlite3.OperationalError:
                raise  # locked, read-only, disk full: the file is not to blame and stays where it is
            except sqlite3.DatabaseError:
                self._set_aside("keine lesbare Datenbank")
                self.connection = self._open()
        except (sqlite3.Error, OSError, _Unusable) as error:
            why = _why(error) if isinstance(error, sqlite3.Error) else str(error)
            raise RegisterError(f"Das Fallregister {self.path} ist nicht nutzbar: {why}") from None

    # --- opening ----------------------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            if self.path.parent == data_dir():
                os.chmod(self.path.parent, 0o700)  # the program's own folder, also when an older version made it
        with contextlib.suppress(FileExistsError):  # a new register is owner-only from its first byte
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # the log files SQLite makes beside it take this mode
        connection = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            self._check(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _open_to_read(self) -> sqlite3.Connection:
        try:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except (sqlite3.Error, OSError) as error:
            why = _why(error) if isinstance(error, sqlite3.Error) else str(error)
            raise RegisterError(f"Das Fallregister {self.path} ist nicht lesbar: {why}") from None
        if application != APPLICATION_ID or version not in READABLE:
            connection.close()
            raise RegisterError(f"Das Fallregister {self.path} ist keines dieser Programmversion; im Fenster öffnen")
        if version < SCHEMA_VERSION:  # keys as version 4 kept them: compared as version 5 keeps them
            connection.create_function("visible", 1, _visible_key, deterministic=True)
            self.keys, self.selected = "visible({})", self.selected.replace("teeth", "NULL AS teeth")
        return connection

    def _check(self, connection: sqlite3.Connection) -> None:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application != APPLICATION_ID and (application or tables):
            raise _Unusable("eine Datenbank eines anderen Programms")
        if version > SCHEMA_VERSION:
            raise RegisterError(
                f"Das Fallregister {self.path} stammt von einer neueren Programmversion (Schema {version}); "
                "es bleibt unverändert und wird nicht benutzt."
            )
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _Unusable("beschädigt")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA secure_delete=ON")  # a name taken out is overwritten, not left in free pages
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        if version < SCHEMA_VERSION:
            connection.create_function("visible", 1, _visible_key, deterministic=True)
            with self._transaction(connection):
                version = connection.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
                for steps in MIGRATIONS[version:]:
                    for statement in steps:
                        connection.execute(statement)
                connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _set_aside(self, why: str) -> None:
        """Move a file that is no usable register (and its log files) out of the way, under a name that says so."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.beschaedigt-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                os.replace(source, Path(f"{target}{suffix}"))
        self.notice = (
            f"Das Fallregister war {why} und liegt jetzt als {target.name} im selben Ordner; ein neues ist angelegt. "
            "„hkp register rebuild ORDNER“ trägt die Falldateien wieder ein."
        )

    @staticmethod
    @contextlib.contextmanager
    def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------------------------
    def record(self, entry: Entry) -> int:
        """Enter a saved case, or update the entry of its file; its number in the register."""
        if not is_text(entry.path):
            raise RegisterError(NOT_TEXT.format(shown_path(entry.path)))
        placeholders = ", ".join("?" for _ in COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c != "path")
        try:
            with self._transaction(self.connection):
                known = self.connection.execute("SELECT id FROM cases WHERE path = ?", (entry.path,)).fetchone()
                number = known[0] if known else self._new_number()  # a known file keeps its number
                self.connection.execute(
                    f"INSERT INTO cases (id, {', '.join(COLUMNS)}) VALUES (?, {placeholders}) "
                    f"ON CONFLICT(path) DO UPDATE SET {updates}",
                    (number, *row_of(entry)),
                )
                self._given(number)
        except sqlite3.Error as error:
            raise RegisterError(f"Fallregister nicht geschrieben: {_why(error)}") from None
        return int(number)

    def replace_all(self, entries: Iterable[Entry]) -> None:
        """The register's content replaced by these entries in one transaction (a rebuild): an entry with a number
        keeps it, one without gets a new one."""
        entries = sorted(entries, key=lambda entry: entry.number or MAX_NUMBER)
        values = ", ".join("?" for _ in COLUMNS)
        try:
            with self._transaction(self.connection):
                # a new case is numbered above every number the register has given: a dropped case's number is
                # not given to another one (a list printed before the rebuild still names the right case)
                fresh = iter(range(self._highest() + 1, MAX_NUMBER + 1))
                numbered = [(entry.number or next(fresh, 0), entry) for entry in entries]
                if any(number == 0 for number, _ in numbered):
                    raise RegisterError(NO_NUMBER_LEFT)
                self.connection.execute("DELETE FROM cases")
                self.connection.executemany(
                    f"INSERT INTO cases (id, {', '.join(COLUMNS)}) VALUES (?, {values})",
                    ((number, *row_of(entry)) for number, entry in numbered),
                )
                self._given(max((number for number, _ in numbered), default=0))
        except sqlite3.Error as error:
            raise RegisterError(f"Fallregister nicht geschrieben: {_why(error)}") from None

    def _highest(self) -> int:
        """The highest case number given so far, of a case in the register or of one dropped from it."""
        given = self.connection.execute("SELECT max(highest) FROM given").fetchone()[0]
        in_use = self.connection.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
        return max(given if isinstance(given, int) and 0 < given <= MAX_NUMBER else 0, int(in_use))

    def _new_number(self) -> int:
        """The number for a new case: above every number given so far."""
        number = self._highest() + 1
        if number > MAX_NUMBER:
            raise RegisterError(NO_NUMBER_LEFT)
        return number

    def _given(self, number: int) -> None:
        highest = max(number, self._highest())
        self.connection.execute("DELETE FROM given")
        self.connection.execute("INSERT INTO given VALUES (?)", (highest,))

    # --- reading ------------------------------------------------------------------------------------------------
    def _read(self, columns: str, where: str, values: tuple[Any, ...], limit: int, parse: Callable[[Any], Any]) -> list[Any]:
        """Rows as parse makes them, the newest first; a row parse refuses is counted in `unreadable`."""
        query = f"SELECT {columns} FROM cases WHERE {where} ORDER BY day DESC, id DESC LIMIT ?"
        try:
            rows = self.connection.execute(query, (*values, limit)).fetchall()
        except sqlite3.Error as error:
            raise RegisterError(f"Fallregister nicht lesbar: {_why(error)}") from None
        found, self.unreadable = [], 0
        for row in rows:
            try:
                found.append(parse(row))
            except UNREADABLE:
                self.unreadable += 1
        return found

    def _entries(self, where: str, values: tuple[Any, ...], limit: int = MAX_RESULTS) -> list[Entry]:
        return self._read(self.selected, where, values, limit, entry_from)

    def search(
        self,
        text: str = "",
        status: str = "",
        first: dt.date | None = None,
        last: dt.date | None = None,
        limit: int = MAX_RESULTS,
    ) -> list[Listed]:
        """Cases whose name or insurance number contains text, with that status, dated from first to last; the
        newest first, at most limit (and MAX_RESULTS)."""
        if len(text) > MAX_SEARCH:
            raise RegisterError(f"Suchtext zu lang: höchstens {MAX_SEARCH} Zeichen")
        conditions, values = ["1"], []
        if text.strip():  # every word of the name in any order („Schmidt, Erika“), or the insurance number
            words = name_key(text).split()
            names = " AND ".join("name_key LIKE ? ESCAPE '\\'" for _ in words) or "0"
            conditions.append(f"(({names}) OR number_key LIKE ? ESCAPE '\\')")
            values += [*map(_contains, words), _contains(number_key(text))]
        if status:
            conditions.append("status = ?")
            values.append(status)
        if first:
            conditions.append("day >= ?")
            values.append(first.isoformat())
        if last:
            conditions.append("day <= ?")
            values.append(last.isoformat())
        return self._read(LISTED, " AND ".join(conditions), tuple(values), min(limit, MAX_RESULTS), listed_from)

    def everything(self) -> list[Entry]:
        """Every entry (a rebuild reads them all, beyond the bound of a search)."""
        return self._entries("1", (), 1 << 40)

    def get(self, number: int) -> Entry | None:
        """The case with this number; None when there is none, RegisterError when its row is not readable."""
        if not 0 < number <= MAX_NUMBER:
            return None
        found = self._entries("id = ?", (number,), 1)
        if self.unreadable:
            raise RegisterError(
                f"Der Eintrag von Fall Nr. {number} im Fallregister ist nicht lesbar; "
                "„hkp register rebuild ORDNER“ liest die Falldateien neu ein."
            )
        return found[0] if found else None

    def by_path(self, path: Path) -> Entry | None:
        found = self._entries("path = ?", (str(Path(path).resolve()),), 1)
        return found[0] if found else None

    def of_person(self, name: str, birth_date: dt.date | None, insurance_number: str) -> list[Entry]:
        """The cases of one insured person: the same insurance number, or the same name and birth date."""
        conditions, values = [], []
        if number_key(insurance_number):
            conditions.append(f"{self.keys.format('number_key')} = ?")
            values.append(number_key(insurance_number))
        if name_key(name) and birth_date:
            conditions.append(f"({self.keys.format('name_key')} = ? AND birth_date = ?)")
            values += [name_key(name), birth_date.isoformat()]
        return self._entries(" OR ".join(conditions), tuple(values)) if conditions else []

    def numbers(self) -> dict[Path, int]:
        """The number of every entry by its file, also of entries whose other values are not readable."""
        try:
            rows = self.connection.execute("SELECT path, id FROM cases ORDER BY id").fetchall()
        except sqlite3.Error as error:
            raise RegisterError(f"Fallregister nicht lesbar: {_why(error)}") from None
        return {Path(str(path)): int(number) for path, number in rows}
