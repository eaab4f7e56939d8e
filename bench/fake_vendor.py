#!/usr/bin/env python3
"""A fake image vendor on loopback for benchmarks and fault scenarios (standard library only).

Speaks the shapes of ../shared/PROVIDERS.md: OpenAI Images (POST /v1/images/generations, GET /v1/models),
the SD web UI API (POST /sdapi/v1/txt2img, GET /sdapi/v1/progress, GET /sdapi/v1/options, POST /sdapi/v1/interrupt)
and Stability (POST /v2beta/stable-image/generate/{core,ultra,sd3}).

Behaviour (flags, or POST /_fake/config with the same names as JSON at run time):
  latency_ms, jitter_ms   time before answering a generation
  error_rate              share of generations answered 500 (vendor error shape)
  rate_429                share answered 429 with retry-after-ms / retry-after
  hang_rate               share that never answer (held for hang_s seconds)
  garbage_rate            share answered 200 with bytes that are not an image
GET /_fake/stats gives request counts; POST /_fake/reset zeroes them.
"""
import argparse
import base64
import json
import random
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def png(width, height, rgb=(90, 120, 200)):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")


CONFIG = {"latency_ms": 0.0, "jitter_ms": 0.0, "error_rate": 0.0, "rate_429": 0.0, "hang_rate": 0.0,
          "garbage_rate": 0.0, "hang_s": 300.0}
STATS = {"requests": 0, "generations": 0, "errors": 0, "rate_limited": 0, "hangs": 0, "garbage": 0}
LOCK = threading.Lock()
IMAGES = {}


def image_b64(width, height):
    key = (width, height)
    if key not in IMAGES:
        IMAGES[key] = base64.b64encode(png(width, height)).decode()
    return IMAGES[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send(self, status, payload, headers=None):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def count(self, key):
        with LOCK:
            STATS[key] += 1

    def fault(self):
        """Applies latency and the configured faults; returns True when the request was answered already."""
        self.count("generations")
        c = dict(CONFIG)
        roll = random.random()
        if roll < c["hang_rate"]:
            self.count("hangs")
            time.sleep(c["hang_s"])
            return True
        delay = c["latency_ms"] + (random.random() * c["jitter_ms"] if c["jitter_ms"] else 0)
        if delay > 0:
            time.sleep(delay / 1000.0)
        roll -= c["hang_rate"]
        if roll < c["rate_429"]:
            self.count("rate_limited")
            self.send(429, {"error": {"message": "Rate limit reached", "type": "requests", "param": None,
                                      "code": "rate_limit_exceeded"}}, {"retry-after-ms": "200", "retry-after": "1"})
            return True
        roll -= c["rate_429"]
        if roll < c["error_rate"]:
            self.count("errors")
            self.send(500, {"error": {"message": "The server had an error while processing your request.",
                                      "type": "server_error", "param": None, "code": None}})
            return True
        return False

    def garbage(self):
        if random.random() < CONFIG["garbage_rate"]:
            self.count("garbage")
            return base64.b64encode(b"this is not an image at all" * 8).decode()
        return None

    def do_GET(self):
        self.count("requests")
        if self.path.startswith("/_fake/stats"):
            with LOCK:
                self.send(200, dict(STATS, config=CONFIG))
        elif self.path.startswith("/v1/models"):
            self.send(200, {"object": "list", "data": [{"id": "gpt-image-1.5", "object": "model", "owned_by": "fake"}]})
        elif self.path.startswith("/sdapi/v1/progress"):
            self.send(200, {"progress": 0.5, "eta_relative": 1.0, "state": {"sampling_step": 10, "sampling_steps": 20,
                            "job_count": 1}, "current_image": None, "textinfo": None})
        elif self.path.startswith("/sdapi/v1/options"):
            self.send(200, {"sd_model_checkpoint": "fake-sdxl.safetensors"})
        else:
            self.send(404, {"error": {"message": "not found", "type": "invalid_request_error", "param": None,
                                      "code": None}})

    def do_POST(self):
        self.count("requests")
        raw = self.body()
        if self.path.startswith("/_fake/config"):
            CONFIG.update({k: float(v) for k, v in json.loads(raw or b"{}").items() if k in CONFIG})
            self.send(200, CONFIG)
            return
        if self.path.startswith("/_fake/reset"):
            with LOCK:
                for k in STATS:
                    STATS[k] = 0
            self.send(200, STATS)
            return
        if self.path.startswith("/sdapi/v1/interrupt"):
            self.send(200, {})
            return
        if self.path.startswith("/v1/images/generations"):
            request = json.loads(raw or b"{}")
            if self.fault():
                return
            w, h = (int(x) for x in str(request.get("size", "1024x1024")).replace("auto", "1024x1024").split("x"))
            n = int(request.get("n", 1))
            data = [{"b64_json": self.garbage() or image_b64(min(w, 256), min(h, 256))} for _ in range(n)]
            self.send(200, {"created": int(time.time()), "data": data,
                            "usage": {"input_tokens": 50, "output_tokens": 1056, "total_tokens": 1106,
                                      "input_tokens_details": {"text_tokens": 50, "image_tokens": 0}}})
        elif self.path.startswith("/sdapi/v1/txt2img"):
            request = json.loads(raw or b"{}")
            if self.fault():
                return
            w, h = int(request.get("width", 512)), int(request.get("height", 512))
            seed = request.get("seed", -1)
            seed = seed if seed not in (None, -1) else random.randint(0, 2**31)
            self.send(200, {"images": [self.garbage() or image_b64(min(w, 256), min(h, 256))],
                            "parameters": request, "info": json.dumps({"seed": seed, "all_seeds": [seed]})})
        elif self.path.startswith("/v2beta/stable-image/generate/"):
            if self.fault():
                return
            self.send(200, {"image": self.garbage() or image_b64(256, 256), "finish_reason": "SUCCESS",
                            "seed": random.randint(0, 2**31)})
        else:
            self.send(404, {"error": {"message": "not found", "type": "invalid_request_error", "param": None,
                                      "code": None}})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=18090)
    for key in CONFIG:
        parser.add_argument("--" + key.replace("_", "-"), type=float, default=CONFIG[key])
    args = parser.parse_args()
    for key in CONFIG:
        CONFIG[key] = getattr(args, key)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"fake vendor on http://127.0.0.1:{args.port} {CONFIG}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
