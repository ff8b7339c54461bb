#!/usr/bin/env python3
"""Verify one day of the nightly audit export offline (docs/audit.md, "Verifying an export offline").

usage: verify_audit_export.py EVENTS.jsonl DIGESTS.jsonl [--day YYYY-MM-DD] [--key KEY_ID=BASE64 ...]

Checks, with the Python standard library only:
  - every event re-hashes to its stored hash (SHA-256 over its canonical fields and its predecessor's hash);
  - each segment runs 1..n with every event naming its predecessor's hash, and a lane's segments in the file
    continue each other (a segment starts from the previous segment's final hash);
  - the digests form a chain (sequence and previous digest hash), and each digest's hash is its canonical text's;
  - with --key (the vault secret audit-digest-key: its version and base64 value), each digest's HMAC-SHA256
    signature, compared in constant time; without it, signatures are reported as unchecked;
  - every digest claim about a segment of the exported day (last sequence and hash, and for a closed segment
    its end) is met by the events.
Prints a JSON report; exits 0 when valid, 1 when a link is broken, 2 on bad input.
"""
import base64
import hashlib
import hmac
import json
import re
import sys
from datetime import datetime, timezone

NULL = "\u2400"
GENESIS = "0" * 64
DIGEST_FORMAT = "penguinmails-audit-digest/1"
EPOCH = datetime(1, 1, 1, tzinfo=timezone.utc)
TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$")


def ticks(text):
    """.NET UtcTicks of an ISO 8601 time with up to 7 fractional digits."""
    match = TIME.match(text)
    if not match:
        raise ValueError("bad time: " + text)
    whole, fraction, zone = match.groups()
    moment = datetime.fromisoformat(whole + ("+00:00" if zone == "Z" else zone)).astimezone(timezone.utc)
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + int((fraction or "").ljust(7, "0"))


def text(value):
    return NULL if value is None else value


def event_hash(e):
    canonical = "\n".join([
        e["id"], e["partition"], str(e["sequence"]), str(ticks(e["time"])), e["actorId"], e["actorEmail"], e["action"],
        e["targetType"], e["targetId"], text(e.get("beforeRaw")), text(e.get("afterRaw")), text(e.get("reason")), e["outcome"],
        text(e.get("ipAddress")), text(e.get("userAgent")), text(e.get("correlationId")), e["previousHash"]])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def digest_canonical(d):
    lines = [DIGEST_FORMAT, str(d["sequence"]), d["time"], d["trigger"], d["previousDigestHash"], d["keyId"]]
    for s in sorted(d["segments"], key=lambda s: s["segment"].encode("utf-8")):
        lines.append("|".join([s["segment"], str(s["lastSequence"]), s["lastHash"], str(s["count"]), "1" if s["closed"] else "0"]))
    return "\n".join(lines)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    args, keys, day = [], {}, None
    i = 0
    while i < len(argv):
        if argv[i] == "--day" and i + 1 < len(argv):
            day = argv[i + 1]
            i += 2
        elif argv[i] == "--key" and i + 1 < len(argv) and "=" in argv[i + 1]:
            key_id, value = argv[i + 1].split("=", 1)
            keys[key_id] = base64.b64decode(value)
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    events, digests = read_lines(args[0]), read_lines(args[1])
    report = {"events": len(events), "segments": 0, "digests": len(digests), "signatures": "checked" if keys else "unchecked",
              "valid": True, "firstBroken": None}

    def broken(reason, detail, event_id=None):
        if report["valid"]:
            report.update(valid=False, firstBroken={"reason": reason, "eventId": event_id, "detail": detail})

    segments = {}
    for e in events:
        segments.setdefault(e["partition"], []).append(e)
    report["segments"] = len(segments)
    lanes = {}
    for name in sorted(segments):
        chain = sorted(segments[name], key=lambda e: e["sequence"])
        legacy = "." not in name
        previous = GENESIS if legacy else chain[0]["previousHash"]
        if not legacy:
            hour, lane = name.split(".", 1)
            if lane in lanes and lanes[lane][1] != chain[0]["previousHash"]:
                broken("missing_segment", f"{name} does not start from the final hash of {lanes[lane][0]}", chain[0]["id"])
        for expected, e in enumerate(chain, start=1):
            if event_hash(e) != e["hash"]:
                broken("edited_event", f"{name}/{e['sequence']} does not hash to its stored hash", e["id"])
            elif e["sequence"] != expected or e["previousHash"] != previous:
                broken("missing_event", f"{name}/{e['sequence']} does not follow sequence {expected - 1}", e["id"])
            previous = e["hash"]
        if not legacy:
            lanes[lane] = (name, chain[-1]["hash"])

    previous = None
    for d in digests:
        canonical = digest_canonical(d)
        if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != d["hash"]:
            broken("digest_chain_broken", f"digest {d['sequence']} does not hash to its stored hash")
        if previous is not None and (d["sequence"] != previous["sequence"] + 1 or d["previousDigestHash"] != previous["hash"]):
            broken("digest_chain_broken", f"digest {d['sequence']} does not follow digest {previous['sequence']}")
        if keys:
            key = keys.get(d["keyId"])
            expected = hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest() if key else ""
            if not hmac.compare_digest(expected, d["signature"]):
                broken("digest_signature_bad", f"digest {d['sequence']} is not signed by key {d['keyId']}")
        previous = d

    # The exported day: given, or the events' own; a digest's claims about that day's segments must all hold.
    days = {day} if day else {e["partition"][:10] for e in events}
    for d in digests:
        for claim in d["segments"]:
            if claim["segment"][:10] not in days:
                continue
            chain = {e["sequence"]: e for e in segments.get(claim["segment"], [])}
            if not chain and claim["lastSequence"] > 0:
                broken("missing_segment", f"digest {d['sequence']} names segment {claim['segment']}, which is not in the export")
                continue
            event = chain.get(claim["lastSequence"])
            if event is None:
                broken("missing_event", f"digest {d['sequence']} recorded {claim['segment']}/{claim['lastSequence']}, which is gone")
            elif event["hash"] != claim["lastHash"]:
                broken("edited_event", f"{claim['segment']}/{claim['lastSequence']} differs from digest {d['sequence']}", event["id"])
            elif claim["closed"] and max(chain) != claim["lastSequence"]:
                broken("missing_event", f"closed segment {claim['segment']} ends at {max(chain)}, digest says {claim['lastSequence']}")
    print(json.dumps(report, indent=2))
    return 0 if report["valid"] else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, ValueError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
