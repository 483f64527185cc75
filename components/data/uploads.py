"""A reader's own data files, uploaded as CSV files or one zip of them, taken apart safely.

Nothing here touches the disk: an upload's bytes stay in memory, a zip entry's name is only compared with
the contract's file names and never used as a path (no zip-slip), and a zip that would unpack to more than
it may (a zip bomb) is refused before it is read. What is refused or ignored is said in plain words.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from components.data.contract import DATASETS
from components.i18n import ENGLISH, N_, translator

FILE_NAMES = tuple(dataset.file_name for dataset in DATASETS.values())
MAX_ENTRIES = 50  # a zip of the data has one entry per dataset; a few more are tolerated and ignored
MAX_RATIO = 100  # CSV compresses about 5–10×; far more than this is a bomb, not data
_CHUNK = 1 << 16


@dataclass
class Upload:
    """The data files found in an upload (file name → bytes), and what was refused or ignored, in words."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    lang: str = ENGLISH  # the language of the notes

    def note(self, message: str, **params) -> None:
        self.notes.append(translator(self.lang)(message, **params))


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _zip_entries(name: str, data: bytes, max_bytes: int, upload: Upload) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        upload.note(N_("{name} is not a zip file that can be read: nothing was taken from it."), name=name)
        return
    entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    if len(entries) > MAX_ENTRIES:
        upload.note(N_("{name} holds {count} files, more than {most}: nothing was taken from it."), name=name,
                    count=len(entries), most=MAX_ENTRIES)
        return
    declared = sum(entry.file_size for entry in entries)
    if declared > max_bytes:
        upload.note(N_("{name} would unpack to {size}, more than the {most} allowed: nothing was taken from it."),
                    name=name, size=_megabytes(declared), most=_megabytes(max_bytes))
        return
    for entry in entries:
        file_name = PurePosixPath(entry.filename.replace("\\", "/")).name
        if file_name not in FILE_NAMES:
            upload.note(N_("{name}: {entry} is not one of the data's files ({files}), so it was ignored."), name=name,
                        entry=entry.filename, files=", ".join(FILE_NAMES))
            continue
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            upload.note(N_("{name}: {entry} is compressed more than {ratio}× (a zip bomb?), so it was ignored."),
                        name=name, entry=entry.filename, ratio=MAX_RATIO)
            continue
        content = _read_capped(archive, entry, max_bytes)
        if content is None:
            upload.note(N_("{name}: {entry} unpacks to more than {most}, so it was ignored."), name=name,
                        entry=entry.filename, most=_megabytes(max_bytes))
            continue
        _take(file_name, content, f"{name}: {entry.filename}", upload)


def _read_capped(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, max_bytes: int) -> bytes | None:
    """The entry's bytes, read in chunks and stopped past `max_bytes`: its declared size is not trusted."""
    chunks, size = [], 0
    with archive.open(entry) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def _take(file_name: str, content: bytes, where: str, upload: Upload) -> None:
    if file_name in upload.files:
        upload.note(N_("{where} is a second copy of {file}: the first one is used."), where=where, file=file_name)
        return
    upload.files[file_name] = content


def read_upload(uploaded: list[tuple[str, bytes]], max_bytes: int, lang: str = ENGLISH) -> Upload:
    """The data files in the uploaded (name, bytes) pairs: CSV files named like the data's, or one zip of them.
    What was refused or ignored is said in `lang`."""
    upload = Upload(lang=lang)
    for name, data in uploaded:
        suffix = PurePosixPath(name).suffix.lower()
        if len(data) > max_bytes:
            upload.note(N_("{name} is {size}, more than the {most} allowed: it was not read."), name=name,
                        size=_megabytes(len(data)), most=_megabytes(max_bytes))
        elif suffix == ".zip":
            _zip_entries(name, data, max_bytes, upload)
        elif suffix != ".csv":
            upload.note(N_("{name} is not a .csv or .zip file: it was not read."), name=name)
        elif PurePosixPath(name).name not in FILE_NAMES:
            upload.note(N_("{name} is not one of the data's files ({files}): name it like the dataset it replaces."),
                        name=name, files=", ".join(FILE_NAMES))
        else:
            _take(PurePosixPath(name).name, data, name, upload)
    return upload
