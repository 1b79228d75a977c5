#!/usr/bin/env python3
"""A subscriber's webhook endpoint for trying the hub: verifies each request's signature and prints the event.

    samples/webhook-receiver.py 'whsec_…' [port]      # the secret from the answer that created the subscription

Standard library only. The verify() function is the one in docs/delivery.md.
"""
import base64, hashlib, hmac, http.server, json, sys, time


def verify(secret: str, headers, body: bytes, tolerance: int = 300) -> bool:
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance:
        return False  # too old (or from the future): a replayed request
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split(" "))


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = set()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        if not verify(SECRET, self.headers, body):
            self.send_response(401)
            self.send_header("content-length", "0")
            self.end_headers()
            print("refused: bad signature", flush=True)
            return
        event_id = self.headers["webhook-id"]
        duplicate = event_id in Receiver.seen  # at-least-once: deduplicate on the id
        Receiver.seen.add(event_id)
        event = json.loads(body)
        data = event.get("data", event)  # structured mode has the whole CloudEvent, binary mode only its data
        kind = event.get("type") or self.headers.get("ce-type")
        print(f"{'duplicate ' if duplicate else ''}{kind}: {data['event']['headline']}", flush=True)
        self.send_response(204)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    SECRET = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 5999
    print(f"listening on http://127.0.0.1:{port}/ihub/events", flush=True)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
