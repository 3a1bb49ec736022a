"""Execute one notebook with nbclient and write the executed .ipynb plus two HTML files.

Called by src/report/run-notebook.ts; not meant to be run by hand. One Python process per notebook:
execute -> check every output for errors -> export HTML with code and without -> write each file
to a temporary name and rename, so a run killed half-way leaves nothing that looks complete.
Progress and the outcome are JSON lines on stdout; everything else goes to stderr.

The kernel runs in a session of its own (jupyter_client starts it so), so it would outlive this
process if this process were simply killed: its process id is reported ({"event": "kernel"}) for the
caller to stop, and this process stops it itself on SIGTERM/SIGINT or when its parent goes away.
"""

import argparse
import json
import os
import signal
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def emit(event, **fields):
    sys.stdout.write(json.dumps({"event": event, **fields}) + "\n")
    sys.stdout.flush()


class ProgressClient(NotebookClient):
    """A NotebookClient that reports its kernel's process and each code cell as it starts and finishes."""

    current_cell = -1

    async def async_start_new_kernel(self, **kwargs):
        await super().async_start_new_kernel(**kwargs)
        pid, pgid = kernel_process(self)
        if pid:
            emit("kernel", pid=pid, pgid=pgid)

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type == "code":
            self.current_cell = cell_index
            emit("cell-start", index=cell_index)
        result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if cell.cell_type == "code":
            emit("cell-done", index=cell_index)
        return result


def error_text(cell):
    """The readable error of a failed tslab cell: its error outputs, else its stderr."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            message = f"{out.get('ename', '')}: {out.get('evalue', '')}".strip(": ")
            if message:
                parts.append(message)
            tb = "\n".join(out.get("traceback", []))
            if tb and tb not in message:
                parts.append(tb)
        elif out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
    return "\n".join(p.strip() for p in parts if p.strip())


# tslab prints an error thrown later (in a timer or an unawaited promise) into whichever cell runs
# next, as stderr with one of these prefixes, and carries on: the runner treats it as a failure.
LATE_ERROR_MARKERS = ("UncaughtException:", "UnhandledPromiseRejection")


def late_errors(nb):
    """Cells whose outputs hold an error although execution went on (e.g. a throw inside a timer)."""
    found = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            if isinstance(text, list):
                text = "".join(text)
            late = out.get("name") == "stderr" and any(m in text for m in LATE_ERROR_MARKERS)
            if out.get("output_type") == "error" or late:
                found.append((index, error_text(cell)))
                break
    return found


def kernel_process(client):
    """The kernel's process id and process-group id, when it has been started."""
    provisioner = getattr(getattr(client, "km", None), "provisioner", None)
    return getattr(provisioner, "pid", None), getattr(provisioner, "pgid", None)


def stop_kernel(client):
    """Kills the kernel's process group (the tslab kernel and anything it started) at once, and
    removes its connection file (a tmp*.json in TMPDIR that only a clean shutdown would remove)."""
    pid, pgid = kernel_process(client)
    for target, kill in ((pgid, os.killpg), (pid, os.kill)):
        if target:
            try:
                kill(target, signal.SIGKILL)
            except OSError:
                pass
    km = getattr(client, "km", None)
    if km is not None:
        try:
            km.cleanup_connection_file()
        except Exception:  # best effort on the way out
            pass


def stop_on_interrupt(client):
    """On SIGTERM or SIGINT, or when the parent process is gone, stop the kernel and exit."""

    def stop(signum, _frame):
        stop_kernel(client)
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    parent = os.getppid()

    def watch_parent():
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                stop_kernel(client)
                os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()


def first_line(cell):
    for line in cell.source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def write_atomic(path, text):
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def export_html(nb, with_code, title):
    exporter = HTMLExporter(
        template_name="wbk",
        extra_template_basedirs=[TEMPLATE_DIR],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
    )
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    return body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--title", default="")
    parser.add_argument("--kernel", default="tslab")
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--no-html", action="store_true")
    args = parser.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    total = sum(1 for c in nb.cells if c.cell_type == "code")
    emit("start", total=total)
    client = ProgressClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel,
        resources={"metadata": {"path": args.cwd}},
        allow_errors=False,
        startup_timeout=120,
    )
    stop_on_interrupt(client)
    started = time.time()
    failure = None
    try:
        client.execute()
    except CellTimeoutError:
        index = client.current_cell
        failure = (index, f"the cell did not finish within {args.timeout} s (per-cell timeout)")
    except CellExecutionError:
        index = client.current_cell
        failure = (index, error_text(nb.cells[index]) or "the cell failed without a message")
    except DeadKernelError as err:
        index = client.current_cell
        failure = (index, f"the kernel died: {err}")
    if failure is None:
        late = late_errors(nb)
        if late:
            failure = late[0]

    out_base = os.path.join(args.out_dir, args.name)
    if failure is not None:
        index, message = failure
        cell = nb.cells[index] if 0 <= index < len(nb.cells) else None
        write_atomic(out_base + ".failed.ipynb", nbformat.writes(nb))
        emit(
            "failed",
            cell=index,
            first_line=first_line(cell) if cell is not None else "",
            message=message,
            seconds=round(time.time() - started, 2),
        )
        return 1

    write_atomic(out_base + ".ipynb", nbformat.writes(nb))
    if not args.no_html:
        title = args.title or args.name
        write_atomic(out_base + ".html", export_html(nb, with_code=False, title=title))
        write_atomic(out_base + ".code.html", export_html(nb, with_code=True, title=title))
    emit("done", seconds=round(time.time() - started, 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
