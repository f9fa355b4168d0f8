#!/usr/bin/env python3
"""How long `notesc serve` takes from a note written to the reload event an
open page receives (DESIGN §7: under 1 s at 1,000 notes).

Generates N notes (scripts/gen-corpus.py) in a scratch folder, starts
`notesc serve` there on a free port with its own XDG_CACHE_HOME, listens to
/_notesc/events like a page, then edits one note at a time (a new sentence in
its TL;DR, written to a temporary file and renamed over the note, as editors
save) and times each edit until its `reload` event arrives.

    swift build -c release --product notesc
    scripts/serve-latency.py .build/release/notesc --notes 1000 --edits 20
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notesc", help="the notesc binary (a release build)")
    parser.add_argument("--notes", type=int, default=1000, help="notes in the generated folder (default 1000)")
    parser.add_argument("--edits", type=int, default=20, help="edits timed (default 20)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for each event (default 30)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="notesc-serve-latency-")
    server = None
    try:
        notes = os.path.join(work, "notes")
        subprocess.run([sys.executable, os.path.join(HERE, "gen-corpus.py"), str(args.notes), notes],
                       check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"), NO_COLOR="1")
        log = open(os.path.join(work, "serve.log"), "w+")
        server = subprocess.Popen([os.path.abspath(args.notesc), "serve", "notes", "--port", "0"], cwd=work, env=env,
                                  stdout=subprocess.DEVNULL, stderr=log)
        port = wait_for_port(log, args.timeout)
        events = EventStream(port, args.timeout)
        first = events.next_event()
        if first != "clear":
            sys.exit(f"expected the 'clear' state on connecting, got {first!r}")

        files = sorted(f for f in os.listdir(notes) if f.endswith(".md"))
        times = []
        for i in range(args.edits):
            path = os.path.join(notes, files[(i * 37) % len(files)])
            with open(path, encoding="utf-8") as f:
                text = f.read()
            edited, n = re.subn(r"(## 📝 TL;DR\n\n)", rf"\1Edit {i} while serving.\n\n", text, count=1)
            if n == 0:
                edited = text + f"\nEdit {i} while serving.\n"
            temporary = path + ".tmp"
            with open(temporary, "w", encoding="utf-8") as f:
                f.write(edited)
            started = time.monotonic()
            os.rename(temporary, path)
            name = events.next_event()
            elapsed = time.monotonic() - started
            if name != "reload":
                log.seek(0)
                sys.exit(f"edit {i}: expected a reload event, got {name!r}\n{log.read()}")
            times.append(elapsed)
            print(f"edit {i + 1:2}: {os.path.basename(path)} reload after {elapsed * 1000:.0f} ms", flush=True)
        times.sort()
        print(f"{args.notes} notes, {len(times)} edits: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {times[-1] * 1000:.0f} ms, min {times[0] * 1000:.0f} ms")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


def wait_for_port(log, timeout):
    deadline = time.monotonic() + timeout * 4
    while time.monotonic() < deadline:
        log.seek(0)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
        if match:
            return int(match.group(1))
        time.sleep(0.05)
    log.seek(0)
    sys.exit(f"notesc serve printed no address within {timeout * 4:.0f} s:\n{log.read()}")


class EventStream:
    """/_notesc/events read like a page reads it; every read has a timeout."""

    def __init__(self, port, timeout):
        self.timeout = timeout
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.sendall(f"GET /_notesc/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        self.raw = b""
        self.text = ""
        self.head_done = False

    def next_event(self):
        deadline = time.monotonic() + self.timeout
        while True:
            name = self._take()
            if name:
                return name
            if time.monotonic() > deadline:
                sys.exit(f"no event within {self.timeout:.0f} s")
            data = self.sock.recv(65536)  # the socket's timeout applies
            if not data:
                sys.exit("the event stream ended")
            self.raw += data
            self._decode()

    def _decode(self):
        if not self.head_done:
            end = self.raw.find(b"\r\n\r\n")
            if end < 0:
                return
            self.head_done = True
            self.raw = self.raw[end + 4:]
        while True:  # chunked transfer encoding
            line_end = self.raw.find(b"\r\n")
            if line_end < 0:
                return
            size = int(self.raw[:line_end].split(b";")[0], 16)
            if len(self.raw) < line_end + 2 + size + 2:
                return
            self.text += self.raw[line_end + 2:line_end + 2 + size].decode()
            self.raw = self.raw[line_end + 2 + size + 2:]

    def _take(self):
        while "\n\n" in self.text:
            block, self.text = self.text.split("\n\n", 1)
            for line in block.split("\n"):
                if line.startswith("event: "):
                    return line[len("event: "):]
        return None


if __name__ == "__main__":
    main()
