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

FILE_NAMES = tuple(dataset.file_name for dataset in DATASETS.values())
MAX_ENTRIES = 50  # a zip of the data has one entry per dataset; a few more are tolerated and ignored
MAX_RATIO = 100  # CSV compresses about 5–10×; far more than this is a bomb, not data
_CHUNK = 1 << 16


@dataclass
class Upload:
    """The data files found in an upload (file name → bytes), and what was refused or ignored, in words."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _zip_entries(name: str, data: bytes, max_bytes: int, upload: Upload) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        upload.notes.append(f"{name} is not a zip file that can be read: nothing was taken from it.")
        return
    entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    if len(entries) > MAX_ENTRIES:
        upload.notes.append(f"{name} holds {len(entries)} files, more than {MAX_ENTRIES}: nothing was taken from it.")
        return
    declared = sum(entry.file_size for entry in entries)
    if declared > max_bytes:
        upload.notes.append(f"{name} would unpack to {_megabytes(declared)}, more than the "
                            f"{_megabytes(max_bytes)} allowed: nothing was taken from it.")
        return
    for entry in entries:
        file_name = PurePosixPath(entry.filename.replace("\\", "/")).name
        if file_name not in FILE_NAMES:
            upload.notes.append(f"{name}: {entry.filename} is not one of the data's files ({', '.join(FILE_NAMES)}), "
                                "so it was ignored.")
            continue
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            upload.notes.append(f"{name}: {entry.filename} is compressed more than {MAX_RATIO}× (a zip bomb?), so it "
                                "was ignored.")
            continue
        content = _read_capped(archive, entry, max_bytes)
        if content is None:
            upload.notes.append(f"{name}: {entry.filename} unpacks to more than {_megabytes(max_bytes)}, so it was "
                                "ignored.")
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
        upload.notes.append(f"{where} is a second copy of {file_name}: the first one is used.")
        return
    upload.files[file_name] = content


def read_upload(uploaded: list[tuple[str, bytes]], max_bytes: int) -> Upload:
    """The data files in the uploaded (name, bytes) pairs: CSV files named like the data's, or one zip of them."""
    upload = Upload()
    for name, data in uploaded:
        suffix = PurePosixPath(name).suffix.lower()
        if len(data) > max_bytes:
            upload.notes.append(f"{name} is {_megabytes(len(data))}, more than the {_megabytes(max_bytes)} "
                                "allowed: it was not read.")
        elif suffix == ".zip":
            _zip_entries(name, data, max_bytes, upload)
        elif suffix != ".csv":
            upload.notes.append(f"{name} is not a .csv or .zip file: it was not read.")
        elif PurePosixPath(name).name not in FILE_NAMES:
            upload.notes.append(f"{name} is not one of the data's files ({', '.join(FILE_NAMES)}): name it like the "
                                "dataset it replaces.")
        else:
            _take(PurePosixPath(name).name, data, name, upload)
    return upload
