#!/usr/bin/env python3
"""Hostile-input probe of a running SearchService.

Sends what a careless or hostile client sends (broken query strings, huge words, odd ids, uploads
that are not what they claim, bodies that never end) and judges every answer the way a front end
meets it: a 2xx, or a 4xx/5xx that is RFC 7807 ProblemDetails (application/problem+json with a
title) and never a 500; no request may hang past the timeout. After the hostile writes, ordinary
searches must still answer, and (with --index) `check` must pass on the index folder.

Run against a throw-away service; it writes documents with ids starting "probe-":

    SearchService__ApiKey=k SearchService__IndexPath=/tmp/probe-ix \\
        dotnet run -c Release --project src/SearchService.Api -- --urls http://127.0.0.1:8099 &
    python3 scripts/probe.py --url http://127.0.0.1:8099 --key k --index /tmp/probe-ix

Standard library only. Exit 0 when every case passed, 1 otherwise; one line per case.
"""
import argparse
import io
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.parse
import zipfile


class Probe:
    def __init__(self, url, key, timeout):
        parsed = urllib.parse.urlsplit(url)
        self.host = parsed.hostname
        self.port = parsed.port or 80
        self.key = key
        self.timeout = timeout
        self.failures = []
        self.count = 0

    # Raw HTTP/1.1 over a socket: the probe must be able to send what http.client refuses to
    # (raw UTF-8 in the request line, unterminated chunked bodies, broken multipart).
    def send(self, method, target, body=b"", headers=None, chunked=False, raw_target=False):
        headers = dict(headers or {})
        if isinstance(target, str) and not raw_target:
            target = target.encode("ascii")
        elif isinstance(target, str):
            target = target.encode("utf-8")
        lines = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: %s:%d" % (self.host.encode(), self.port),
                 b"Connection: close"]
        if self.key and method in ("PUT", "POST", "DELETE") and "X-Api-Key" not in headers:
            headers["X-Api-Key"] = self.key
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        elif body or method in ("PUT", "POST"):
            headers.setdefault("Content-Length", str(len(body)))
        for name, value in headers.items():
            lines.append(f"{name}: {value}".encode("latin-1"))
        head = b"\r\n".join(lines) + b"\r\n\r\n"
        started = time.monotonic()
        with socket.create_connection((self.host, self.port), timeout=self.timeout) as sock:
            sock.settimeout(self.timeout)
            try:
                sock.sendall(head)
                if chunked:
                    for piece in body:
                        sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
                    sock.sendall(b"0\r\n\r\n")
                elif body:
                    sock.sendall(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before reading everything: judged below
            data = b""
            try:
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            except socket.timeout:
                return None, {}, b"", time.monotonic() - started
            except ConnectionResetError:
                pass
        return (*parse_response(data), time.monotonic() - started)

    def judge(self, name, status, headers, body, seconds, expect=None):
        self.count += 1
        problem = None
        if status is None:
            problem = f"no answer within {self.timeout:.0f} s"
        elif status >= 500 and status != 503:
            problem = f"status {status}"
        elif expect and status not in expect:
            problem = f"status {status}, expected {sorted(expect)}"
        elif status >= 400:
            ctype = headers.get("content-type", "")
            if "application/problem+json" not in ctype:
                problem = f"status {status} without ProblemDetails (content-type '{ctype}')"
            else:
                try:
                    doc = json.loads(body)
                    if not doc.get("title"):
                        problem = f"status {status}: ProblemDetails without a title"
                    elif "SearchService." in json.dumps(doc) or len(body) > 4096:
                        problem = f"status {status}: internals or a {len(body)}-byte detail in the answer"
                except ValueError:
                    problem = f"status {status}: body is not JSON"
        verdict = "ok  " if problem is None else "FAIL"
        shown = "-" if status is None else status
        print(f"{verdict} {shown:>4} {seconds * 1000:8.0f} ms  {name}" + (f"  -- {problem}" if problem else ""))
        if problem:
            self.failures.append(f"{name}: {problem}")
        return status

    def case(self, name, method, target, expect=None, **kwargs):
        status, headers, body, seconds = self.send(method, target, **kwargs)
        return self.judge(name, status, headers, body, seconds, expect)


def parse_response(data):
    head, _, body = data.partition(b"\r\n\r\n")
    if not head:
        return None, {}, b""
    lines = head.split(b"\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        return None, {}, b""
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = dechunk(body)
    return status, headers, body


def dechunk(body):
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            break
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


def q(text):
    return urllib.parse.quote(text, safe="")


def json_body(obj):
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def docx(document_xml_parts):
    """A .docx whose word/document.xml is written from an iterable of byte pieces (a bomb when large)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            for piece in document_xml_parts:
                entry.write(piece)
    return buffer.getvalue()


def bomb_parts(total_bytes):
    yield b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    block = b"q" * (1 << 20)
    for _ in range(total_bytes >> 20):
        yield block
    yield b"</w:t></w:r></w:p></w:body></w:document>"


def multipart(boundary, filename, content, closing=True):
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + content + b"\r\n"
    if closing:
        body += f"--{boundary}--\r\n".encode()
    return body


def hostile_reads(p, rng):
    long_q = "nông thôn mới " * 80  # ~1,100 chars: under MaxQueryLength?  the service says which
    cases = [
        ("deep parentheses", "(" * 2000 + "thon" + ")" * 2000),
        ("1,000 clauses", " OR ".join(f"w{i}" for i in range(1000))),
        ("prefix storm", "t* " * 333),
        ("fuzzy storm", " ".join(f"thon{i}~2" for i in range(200))),
        ("lone operators", "AND OR NOT ( ) \" * ~ ^ :"),
        ("unbalanced quote", "\"nông thôn"),
        ("control characters", "".join(chr(c) for c in range(1, 32)) + "thôn"),
        ("combining marks only", "\u0301\u0300\u0303\u0309\u0323" * 50),
        ("bidi and zero-width", "th\u202eôn\u200b m\u200dới"),
        ("surrogate-like escapes", "\udcff"),
        ("long word", "q" * 70000),
        ("field on unknown field", "nosuchfield:thon"),
        ("huge range", "date:[0000-01-01 TO 9999-12-31]"),
        ("long accented query", long_q),
    ]
    for name, text in cases:
        try:
            target = "/api/search?q=" + q(text)
        except UnicodeEncodeError:
            target = "/api/search?q=%ED%B3%BF"
        p.case(f"GET search: {name}", "GET", target)
    for name, escape in [("invalid UTF-8 escape", "%C3%28"), ("lone continuation byte", "%80thon"),
                         ("overlong NUL", "%C0%80"), ("percent NUL", "%00"), ("bad percent", "%zz%"),
                         ("truncated escape", "thon%E1%BB")]:
        p.case(f"GET search: {name}", "GET", "/api/search?q=" + escape)
    p.case("GET search: raw UTF-8 in the request line", "GET", "/api/search?q=nông thôn", raw_target=True)
    p.case("GET search: URL over 8 KB", "GET", "/api/search?q=" + q("thôn " * 2000))
    p.case("POST search: long q in a JSON body", "POST", "/api/search",
           body=json_body({"q": "nông thôn mới " * 70}), headers={"Content-Type": "application/json"})
    p.case("POST search: not JSON", "POST", "/api/search", body=b"{q:", headers={"Content-Type": "application/json"})
    p.case("POST search: wrong types", "POST", "/api/search", body=b'{"q": 5, "limit": "x"}',
           headers={"Content-Type": "application/json"})
    for name, params in [("negative limit", "limit=-1"), ("huge limit", "limit=99999999999"),
                         ("page 0", "page=0"), ("bad cursor", "cursor=" + q("!!not-a-cursor")),
                         ("bad date", "from=31/02/2023"), ("from after to", "from=2024-01-01&to=2023-01-01"),
                         ("unknown sort", "sort=random"), ("repeated q", "q=a&q=b")]:
        p.case(f"GET search: {name}", "GET", f"/api/search?q=thon&{params}")
    for name, target in [("suggest: empty", "/api/suggest?prefix="), ("suggest: 10k prefix", "/api/suggest?prefix=" + "a" * 10000),
                         ("analyze: control chars", "/api/analyze?text=" + q("\x01\x02\x7f")),
                         ("references: junk code", "/api/references?code=" + q("//--//")),
                         ("references/top: huge count", "/api/references/top?count=1000000"),
                         ("document: dot-dot", "/api/documents/%2E%2E"), ("document: NUL", "/api/documents/a%00b"),
                         ("document: bidi", "/api/documents/" + q("a\u202eb")),
                         ("similar: unknown", "/api/documents/probe-none/similar?count=500")]:
        p.case(f"GET {name}", "GET", target)
    # Random printable and non-printable junk, as a fuzzer would.
    alphabet = [chr(c) for c in range(0x20, 0x7f)] + list("ăâđêôơưáàảãạ\u0301\u200b\u202e\ufeff\ufffd")
    for i in range(40):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300)))
        p.case(f"GET search: random #{i}", "GET", "/api/search?q=" + q(text))


def hostile_writes(p):
    put = lambda id_, obj: p.send("PUT", "/api/documents/" + q(id_), body=json_body(obj), headers={"Content-Type": "application/json"})
    status = p.judge("PUT a normal document", *put("probe-normal", {"text": "KẾT LUẬN của Ban Thường vụ về nông thôn mới tại xã Tân Yên"}), expect={200, 201})
    p.judge("PUT a 65,537-char word", *put("probe-longword", {"text": "KET LUAN nong thon " + "q" * 65537}), expect=None)
    p.judge("PUT a 40,000-char word", *put("probe-word40k", {"text": "KET LUAN nong thon " + "q" * 40000}), expect=None)
    for name, id_ in [("dot", "."), ("dot-dot", ".."), ("bidi override", "a\u202eb"), ("zero width", "a\u200bb"),
                      ("slash", "a/b"), ("backslash", "a\\b"), ("300 chars", "x" * 300)]:
        p.judge(f"PUT id {name}", *put(id_, {"text": "KẾT LUẬN nông thôn"}), expect={400, 404, 405})
    p.case("POST fileName a/..", "POST", "/api/documents", body=json_body({"text": "KẾT LUẬN nông thôn", "fileName": "a/.."}),
           headers={"Content-Type": "application/json"}, expect={400})
    p.case("POST empty text", "POST", "/api/documents", body=json_body({"text": ""}), headers={"Content-Type": "application/json"}, expect={400})
    p.case("POST invalid UTF-8", "POST", "/api/documents", body=b'{"text": "K\xff\xfe LU\xc3"}', headers={"Content-Type": "application/json"}, expect={400})
    p.case("POST wrong JSON type", "POST", "/api/documents", body=b'{"text": 5}', headers={"Content-Type": "application/json"}, expect={400})
    p.case("POST bulk invalid UTF-8 line", "POST", "/api/documents/bulk", body=b'{"id":"probe-b1","text":"K\xff LU"}\n', headers={"Content-Type": "application/x-ndjson"})
    p.case("POST bulk broken lines", "POST", "/api/documents/bulk", body=b'{"id":"probe-b2","text":"KET LUAN a"}\n{not json\n\n{"id":5}\n', headers={"Content-Type": "application/x-ndjson"})
    p.case("POST bulk chunked 33 MB", "POST", "/api/documents/bulk", body=[b'{"text":"' + b"a" * (1 << 20) + b'"}\n'] * 33,
           headers={"Content-Type": "application/x-ndjson"}, chunked=True, expect={400, 413})
    boundary = "probeboundary"
    upload = lambda name, content, closing=True, ctype=None: p.send(
        "POST", "/api/documents", body=multipart(boundary, name, content, closing),
        headers={"Content-Type": ctype or f"multipart/form-data; boundary={boundary}"})
    p.judge("upload .docx bomb (1.1 GB document.xml)", *upload("probe-bomb.docx", docx(bomb_parts(1100 << 20))), expect={400, 413, 422})
    p.judge("upload .docx with a DTD", *upload("probe-dtd.docx", docx([b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>'])), expect={400, 422})
    p.judge("upload random bytes as .pdf", *upload("probe-junk.pdf", os.urandom(20000)), expect={400, 422})
    p.judge("upload truncated .pdf", *upload("probe-trunc.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog"), expect={400, 422})
    p.judge("upload empty .txt", *upload("probe-empty.txt", b""), expect={400, 422})
    p.judge("upload .exe", *upload("probe.exe", b"MZ" + os.urandom(100)), expect={400, 415, 422})
    p.judge("multipart without its closing boundary", *upload("probe-open.txt", b"KET LUAN nong thon", closing=False), expect={400})
    p.judge("multipart without a boundary", *upload("probe-nob.txt", b"KET LUAN", ctype="multipart/form-data"), expect={400, 415})
    return status


def after(p, index, indexer):
    for text in ["thon", "tinh", "ubnd", "q*", "nông thôn mới"]:
        p.case(f"GET search after the writes: {text}", "GET", "/api/search?q=" + q(text), expect={200})
    if index:
        if indexer:
            cli = ["dotnet", indexer, "check", "--index", index]
        else:
            project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "SearchService.Indexer")
            cli = ["dotnet", "run", "-c", "Release", "--project", project, "--", "check", "--index", index]
        done = subprocess.run(cli, capture_output=True, text=True)
        ok = done.returncode == 0
        print(f"{'ok  ' if ok else 'FAIL'}  check --index {index}: exit {done.returncode}")
        if not ok:
            p.failures.append("check: " + (done.stdout + done.stderr).strip()[-500:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--key", default=os.environ.get("SearchService__ApiKey", ""), help="the service's API key (writes)")
    parser.add_argument("--index", help="the service's index folder: run `check` on it at the end")
    parser.add_argument("--indexer", help="a built SearchService.Indexer.dll for `check` (default: dotnet run)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a request counts as hung")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    p = Probe(args.url, args.key, args.timeout)
    rng = random.Random(args.seed)
    hostile_reads(p, rng)
    hostile_writes(p)
    after(p, args.index, args.indexer)
    print(f"\n{p.count} requests, {len(p.failures)} failed")
    for failure in p.failures:
        print("  " + failure)
    return 1 if p.failures else 0


if __name__ == "__main__":
    sys.exit(main())
