"""Write the site into a staging folder beside the output, then swap it in.

A build that fails or is killed leaves the previous site untouched; the output folder is only ever
replaced when it carries our marker file, so `--output ~/Documents` cannot delete anybody's files.

The site a swap replaces is not deleted but kept beside the output as the *spare*: the next build
starts its staging folder from it, re-linking only the files whose inode is not the current
site's (`SiteWriter.link_previous`), instead of hard-linking every file of the site anew and then
deleting the old tree (13,500 links and as many unlinks for a one-article edit of 2,225).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from newsarchive.errors import OutputError

MARKER = ".newsarchive-site"
"""File at the root of every site we write; its presence makes the folder ours to replace."""
_STAGING = ".newsarchive-tmp-"
_OLD = ".newsarchive-old-"
_SPARE = ".newsarchive-spare"
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def safe_relpath(relpath: str) -> str:
    """Return `relpath` if it names a file inside the site folder; raise OutputError otherwise."""
    parts = relpath.split("/") if isinstance(relpath, str) else [""]
    if (not relpath or len(relpath) > 1024 or "\0" in relpath or "\\" in relpath or ":" in parts[0]
            or parts[0] == MARKER
            or any(p in ("", ".", "..") or len(p.encode("utf-8", "surrogatepass")) > 255 for p in parts)):
        raise OutputError(f"refusing to write page {relpath!r}: it would land outside the site folder")
    return relpath


def read_marker(folder: Path) -> dict[str, str] | None:
    """Return the marker's contents where `folder` is a site we wrote, else None."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _running(name: str) -> bool:
    """Return True where the build that owns a staging folder (by the pid in its name) still runs."""
    pid = name.rpartition("-")[2]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _regular_files(root: str) -> dict[str, int]:
    """Return relpath → inode for every regular file under `root` (symbolic links not followed)."""
    found: dict[str, int] = {}
    todo = [""]
    while todo:
        prefix = todo.pop()
        try:
            with os.scandir(f"{root}/{prefix}" if prefix else root) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(f"{prefix}{entry.name}/")
                    elif entry.is_file(follow_symlinks=False):
                        found[f"{prefix}{entry.name}"] = entry.inode()
        except OSError:
            continue
    return found


def all_files(root: Path, relpaths: Iterable[str]) -> bool:
    """Return True where each of `relpaths` is a file under `root` (as `Path.is_file` says)."""
    # One listing of the folders, not a `stat` per file (13,700 files: 0.11 -> 0.03 s); a name not
    # listed as a regular file (a symbolic link, say) is asked of the file system as before.
    listed = _regular_files(str(root))
    return all(rel in listed or os.path.isfile(f"{root}/{rel}") for rel in relpaths)


class SiteWriter:
    """Stage a new site beside `output`, reusing unchanged files of the previous one."""

    def __init__(self, output: Path, protect: tuple[Path, ...] = ()) -> None:
        self.output = output.absolute()
        self.previous: Path | None = None
        self.staging: Path | None = None
        self._made: set[str] = set()
        """Folders of the staging folder known to exist (absolute paths)."""
        self.linked: set[str] = set()
        """Files linked from the previous site by `link_previous` and not written since."""
        self.recycled = False
        """True where the staging folder is the spare (the site before the previous one)."""
        self._linking_spare: str | None = None
        """The spare folder, where this build links each file it writes into it as it goes (`start`)."""
        self._check(protect)

    def _check(self, protect: tuple[Path, ...]) -> None:
        out = self.output
        self._recover()
        if out.is_symlink():
            raise OutputError("output folder is a symbolic link; give the folder it points to", str(out))
        if out.exists() and not out.is_dir():
            raise OutputError("output exists and is not a folder; not replacing it", str(out))
        resolved = out.resolve()
        for inner in protect:
            target = inner.resolve()
            if target == resolved or resolved in target.parents:
                raise OutputError(f"output folder would contain {inner}; choose another --output", str(out))
        if out.is_dir():
            if read_marker(out) is not None:
                self.previous = out
            elif any(out.iterdir()):
                raise OutputError(f"output folder holds files newsarchive did not write (no {MARKER} "
                                  "file); not replacing it. Empty it or choose another --output", str(out))

    def _siblings(self, prefix: str) -> list[Path]:
        parent = self.output.parent
        if not parent.is_dir():
            return []
        return sorted(p for p in parent.iterdir() if p.name.startswith(f".{self.output.name}{prefix}"))

    def _recover(self) -> None:
        """Undo what a build killed mid-swap left behind; clear stale staging folders."""
        old = [p for p in self._siblings(_OLD) if read_marker(p) is not None]
        if old and not self.output.exists():
            old[-1].rename(self.output)
        for stale in self._siblings(_STAGING) + self._siblings(_OLD):
            if stale.exists() and not _running(stale.name):
                if read_marker(stale) is not None:
                    shutil.rmtree(stale, ignore_errors=True)
                elif stale.is_dir() and not stale.is_symlink() and not any(stale.iterdir()):
                    stale.rmdir()  # a build killed between making the folder and marking it

    def start(self) -> Path:
        """Create the staging folder (marked as ours from the first moment) and return it."""
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = self.output.parent / f".{self.output.name}{_STAGING}{os.getpid()}"
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir()
        self.recycled = False
        self.linked = set()
        self._made = set()
        self._mark(self.staging, "")
        self._start_spare()
        return self.staging

    def _start_spare(self) -> None:
        """Where there is no site yet (nor spare), make the spare as the files are written.

        The spare of a first build is links to its files (`_link_spare`); made beside each write,
        in the render workers, those 13,600 links (2,225 articles) no longer wait for the swap in
        the main process alone. `abort` removes it again with the staging folder.
        """
        self._linking_spare = None
        spare = self._spare()
        if self.previous is not None or self.output.exists() or spare.exists() or spare.is_symlink():
            return
        try:
            spare.mkdir()
            self._mark(spare, "")
        except OSError:
            return
        self._linking_spare = str(spare)

    def _link_into_spare(self, path: str, relpath: str) -> None:
        """Link the file just written at `path` into the spare being made, replacing any older link."""
        assert self._linking_spare is not None
        target = f"{self._linking_spare}/{relpath}"
        try:
            try:
                os.link(path, target)
            except FileExistsError:  # written twice: the spare must hold the last one
                os.unlink(target)
                os.link(path, target)
            except FileNotFoundError:  # its folder is not there yet (several processes write)
                os.makedirs(target.rpartition("/")[0], exist_ok=True)
                os.link(path, target)
        except OSError:
            # No hard links here: this process stops; a spare short of files is completed by the
            # next build like any other.
            self._linking_spare = None

    def _spare(self) -> Path:
        return self.output.parent / f".{self.output.name}{_SPARE}"

    def _take_spare(self) -> bool:
        """Put the spare (a site we wrote, on the previous site's file system) in place of the staging folder.

        Only while the staging folder holds nothing but its marker; it is marked again at once.
        """
        spare, staging = self._spare(), self.staging
        assert staging is not None and self.previous is not None
        if (self._made or self.linked or spare.is_symlink() or not spare.is_dir()
                or read_marker(spare) is None):
            return False
        try:
            if os.stat(spare).st_dev != os.stat(self.previous).st_dev:
                return False
            (staging / MARKER).unlink()
            spare.rename(staging)  # replaces the empty staging folder in one step
        except OSError:
            staging.mkdir(exist_ok=True)  # another build took the spare meanwhile, or it cannot move
            self._mark(staging, "")
            return False
        self._mark(staging, "")
        return True

    def _keep_spare(self, old: Path) -> None:
        """Keep the site just replaced as the next build's spare (any older spare goes)."""
        spare = self._spare()
        if spare.exists() or spare.is_symlink():
            if spare.is_symlink() or not spare.is_dir() or read_marker(spare) is None:
                shutil.rmtree(old, ignore_errors=True)  # not ours: leave it, drop the old site
                return
            shutil.rmtree(spare, ignore_errors=True)
        try:
            old.rename(spare)
        except OSError:
            shutil.rmtree(old, ignore_errors=True)

    def _mark(self, folder: Path, key: str) -> None:
        # Replaced in one step, so that a folder of ours is never seen without a whole marker (and
        # an old site's marker, which the spare keeps, is never written through).
        fresh = folder / f"{MARKER}.new"
        fresh.write_text(json.dumps({"generator": "newsarchive", "key": key}) + "\n", encoding="utf-8")
        os.replace(fresh, folder / MARKER)

    def _target(self, relpath: str, fresh: bool = True) -> str:
        """Return where `relpath` goes in the staging folder; `fresh`: for new bytes, not the old file's."""
        # Plain strings: pathlib cost more than the write (13,600 files of a 2,225-article site).
        assert self.staging is not None
        path = f"{self.staging}/{safe_relpath(relpath)}"
        if fresh and relpath in self.linked:
            # A link to the previous site's file: writing through it would change the old site.
            os.unlink(path)
            self.linked.discard(relpath)
        folder = path.rpartition("/")[0]
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        return path

    def link_previous(self, relpaths: Iterable[str]) -> None:
        """Link the previous site's files into the new site before knowing which will change.

        The build does this while it waits for the link step, so that a one-article edit finds
        the many unchanged files in place; any written anew replace their link (`_target`), and
        `drop_linked` removes the ones the new site has not kept.
        """
        if self.previous is None:
            return
        assert self.staging is not None
        if self._take_spare():
            self.recycled = True
            self._refresh(relpaths)
            return
        # `reuse` for every file, on plain strings: pathlib cost more than the links themselves
        # (13,422 files: 0.75 -> 0.3 s).
        old_root, new_root = str(self.previous), str(self.staging)
        made = self._made
        for relpath in relpaths:
            if relpath in self.linked:
                continue
            old = f"{old_root}/{safe_relpath(relpath)}"
            try:
                if not stat.S_ISREG(os.lstat(old).st_mode):
                    continue
            except OSError:
                continue
            folder = f"{new_root}/{relpath.rpartition('/')[0]}".rstrip("/")
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(old, f"{new_root}/{relpath}")
            except OSError:
                if not self.reuse(relpath):  # another filesystem, no hard links: copied there
                    continue
            self.linked.add(relpath)

    def _refresh(self, relpaths: Iterable[str]) -> None:
        """Make the staging folder, recycled from the spare, what the links would have made.

        That is: each of `relpaths` that is a regular file in the previous site, as a hard link
        to it, and the folders holding them; nothing else. A spare's file that is the previous
        site's file (the same inode: a hard link to it) stays; any other is replaced or removed.
        Both trees are listed with `os.scandir`, whose entries tell the inode and the file type
        without a `stat` call per file.
        """
        assert self.previous is not None and self.staging is not None
        old = _regular_files(str(self.previous))
        want = {rel: old[rel] for rel in relpaths if rel in old and rel != MARKER}
        root = str(self.staging)
        kept: set[str] = set()
        self._prune(root, "", want, kept)
        made = {root}
        for rel in want.keys() - kept:
            folder = f"{root}/{rel.rpartition('/')[0]}".rstrip("/")
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            target = f"{root}/{safe_relpath(rel)}"
            try:
                os.link(f"{self.previous}/{rel}", target)
            except OSError:
                if not self.reuse(rel):
                    continue
            kept.add(rel)
        self.linked = kept
        folders = {rel.rpartition("/")[0] for rel in kept}
        self._made = {f"{root}/{folder}".rstrip("/") for folder in folders}

    def _prune(self, root: str, prefix: str, want: dict[str, int], kept: set[str]) -> bool:
        """Remove what `root/prefix` holds beyond `want` (relpath → inode); True if it keeps anything."""
        any_kept = False
        with os.scandir(f"{root}/{prefix}" if prefix else root) as entries:
            listed = list(entries)
        for entry in listed:
            rel = f"{prefix}{entry.name}"
            if not prefix and entry.name == MARKER:
                continue
            if entry.is_dir(follow_symlinks=False):
                if self._prune(root, rel + "/", want, kept):
                    any_kept = True
                else:
                    shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.is_file(follow_symlinks=False) and want.get(rel) == entry.inode():
                kept.add(rel)
                any_kept = True
            else:
                os.unlink(entry.path)
        return any_kept

    def drop_linked(self, keep: set[str]) -> None:
        """Remove the files `link_previous` linked that are not among the new site's `keep`."""
        assert self.staging is not None
        for relpath in self.linked - keep:
            (self.staging / relpath).unlink(missing_ok=True)
        self.linked &= keep

    def reuse(self, relpath: str, replace: bool = False) -> bool:
        """Link the previous site's copy of `relpath` into the new site; False where there is none.

        With `replace`, the copy replaces a file of the same bytes already written there.
        """
        if self.previous is None:
            return False
        if relpath in self.linked:
            return True
        old = self.previous / safe_relpath(relpath)
        try:
            if not stat.S_ISREG(os.lstat(old).st_mode):
                return False  # we never write links or folders as pages; someone else put it there
        except OSError:
            return False
        target = self._target(relpath)
        if replace:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        try:
            os.link(old, target)
        except OSError:
            # Another filesystem or no hard links: a copy still spares the renderer.
            shutil.copy2(old, target)
        return True

    def holds(self, relpath: str, data: bytes) -> bool:
        """Return True where the previous site's `relpath` is a file of exactly the bytes `data`."""
        if self.previous is None:
            return False
        try:
            with open(f"{self.previous}/{safe_relpath(relpath)}", "rb", buffering=0) as old:
                # (A byte more than `data` is read, should the file have grown since its size was taken.)
                return os.fstat(old.fileno()).st_size == len(data) and old.read(len(data) + 1) == data
        except OSError:
            return False

    def write(self, relpath: str, data: bytes) -> None:
        """Write one file into the new site."""
        # A file descriptor, not a buffered file object: one open, one write, one close.
        path = self._target(relpath)
        fd = os.open(path, _NEW_FILE, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        if self._linking_spare is not None:
            self._link_into_spare(path, relpath)

    def write_chunks(self, relpath: str, chunks: Iterable[bytes]) -> str:
        """Write one file piece by piece (never whole in memory); return the hash of its bytes."""
        digest = hashlib.blake2b(digest_size=16)
        path = self._target(relpath)
        with open(path, "wb") as out:
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
        if self._linking_spare is not None:
            self._link_into_spare(path, relpath)
        return digest.hexdigest()

    def finish(self, key: str) -> None:
        """Mark the new site finished and swap it in for the old one."""
        assert self.staging is not None
        self._mark(self.staging, key)
        old = self.output.parent / f".{self.output.name}{_OLD}{os.getpid()}"
        if self.output.exists():
            self.output.rename(old)
        self.staging.rename(self.output)
        self.staging = None
        if old.exists():
            self._keep_spare(old)
        elif self._linking_spare is None:
            self._link_spare()
        self._linking_spare = None

    def _link_spare(self) -> None:
        """Where there was no site to keep, make the spare of links to the new site's files.

        So the first rebuild after a cold build starts from a spare too: the links are made here,
        one per file, while the files' folders are fresh in the kernel's caches. Killed midway, it
        leaves a spare with fewer files, which the next build completes like any other.
        """
        spare = self._spare()
        if spare.exists() or spare.is_symlink():
            return  # a spare of an older site: as good a start as any, and the next build checks it
        try:
            spare.mkdir()
            self._mark(spare, "")
            root = str(self.output)
            made = {str(spare)}
            for rel in _regular_files(root):
                if rel == MARKER:
                    continue
                folder = f"{spare}/{rel.rpartition('/')[0]}".rstrip("/")
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                os.link(f"{root}/{rel}", f"{spare}/{rel}")
        except OSError:
            shutil.rmtree(spare, ignore_errors=True)  # no hard links here: the rebuilds link afresh

    def abort(self) -> None:
        """Throw the staging folder away; the previous site stays as it was."""
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
            if self._linking_spare is not None:
                shutil.rmtree(self._linking_spare, ignore_errors=True)
        self.staging = None
        self._linking_spare = None
