#!/usr/bin/env python3
"""Writes N stored (decided) verification applications as CSV files for PostgreSQL COPY, in one pass:
    seed.py N DIR [BASE]   writes DIR/TABLE.csv for each TABLE below
    seed.py columns TABLE  prints the column list for COPY TABLE (COLUMNS) FROM STDIN (FORMAT csv)
The tables agree with each other:
  - one account per application, registered in CN (90%) or HK, 80% of the applications approved (the account
    verified by it, a quota row of its identity used 1 of 1) and 20% rejected by a reviewer with a reason;
  - 70% of the documents one page, 30% two (front and back), each page with a random 64-bit photo fingerprint and
    its three bands (bits 63-43, 42-22, 21-0), as the automated checks leave them;
  - submissions spread over the two years before now, decided within three days;
  - each account's decision event, positioned in the feed after the positions already given (BASE, the third
    argument: event_feed.last_position before the seeding)."""
import random, sys, uuid
from datetime import datetime, timedelta, timezone

COLUMNS = {
    "account": "id, email, phone, registration_region, language, status, identity_type, verified_application_id, "
               "identity_key, verified_name, masked_document_number, verified_at, created_at, version, event_sequence",
    "verification_application": "id, account_id, kind, identity_type, status, region, holder_name, holder_address, "
                                "document_type, document_number_enc, document_number_masked, identity_key, "
                                "submitted_at, decided_at, decided_by, review_comment, version",
    "application_reason": "application_id, position, code, message",
    "document_page": "application_id, page_no, account_id, object_key, source_page, content_type, size_bytes, "
                     "content_hmac, key_id, created_at, fingerprint, band_1, band_2, band_3",
    "identity_quota": "identity_key, quota_limit, used",
    "account_event": "event_id, type, account_id, application_id, sequence, occurred_at, body, position",
}

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)
SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Chan", "Wong", "Lam"]
GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yang", "Jun", "Xiaoming", "Hui", "Ka Yan", "Chi Ming"]
STREETS = ["Jianguo Road", "Nanjing Road", "Queen's Road", "Huaihai Road", "Zhongshan Road", "Nathan Road"]


def ident(kind, i):
    return str(uuid.UUID(int=(kind << 120) | i))


def row(i, r):
    """Everything one stored application is made of."""
    hk = r.random() < 0.1
    approved = r.random() < 0.8
    submitted = NOW - timedelta(seconds=r.randrange(730 * 86400))
    decided = submitted + timedelta(seconds=r.randrange(60, 3 * 86400))
    pages = 1 if r.random() < 0.7 else 2
    return {
        "account": ident(0xA1, i), "application": ident(0xA2, i), "region": "HK" if hk else "CN",
        "document_type": "ID_CARD", "approved": approved,
        "submitted": submitted, "decided": decided, "created": submitted - timedelta(days=r.randrange(1, 60)),
        "name": f"{r.choice(SURNAMES)} {r.choice(GIVEN)}",
        "address": f"{r.randrange(1, 999)} {r.choice(STREETS)}",
        "identity_key": f"{'HK' if hk else 'CN'}:INDIVIDUAL:ID_CARD:{r.getrandbits(256):064x}",
        "number_enc": f"v1:{r.getrandbits(400):0100x}", "masked": f"{r.randrange(10**6):06d}********{r.randrange(1000):03d}X"[:18],
        "pages": [(r.getrandbits(64), r.getrandbits(256), r.randrange(60_000, 140_000)) for _ in range(pages)],
        "reviewer": r.choice(["alice", "bob"]),
    }


def ts(t):
    return t.isoformat()


def signed(fp):
    return fp - (1 << 64) if fp >= 1 << 63 else fp


def bands(fp):
    return (fp >> 43) & ((1 << 21) - 1), (fp >> 22) & ((1 << 21) - 1), fp & ((1 << 22) - 1)


def csv(*values):
    out = []
    for v in values:
        if v is None:
            out.append("")
        elif isinstance(v, str) and ("," in v or '"' in v):
            out.append('"' + v.replace('"', '""') + '"')
        else:
            out.append(str(v))
    return ",".join(out)


def lines(table, i, x, base):
        if table == "account":
            yield csv(x["account"], f"holder{i}@example.com", "+8613800138000", x["region"], "en",
                      "VERIFIED" if x["approved"] else "UNVERIFIED", "INDIVIDUAL" if x["approved"] else None,
                      x["application"] if x["approved"] else None, x["identity_key"] if x["approved"] else None,
                      x["name"] if x["approved"] else None, x["masked"] if x["approved"] else None,
                      ts(x["decided"]) if x["approved"] else None, ts(x["created"]), 2, 1)
        elif table == "verification_application":
            yield csv(x["application"], x["account"], "INITIAL", "INDIVIDUAL", "APPROVED" if x["approved"] else "REJECTED",
                      x["region"], x["name"], x["address"], x["document_type"], x["number_enc"], x["masked"],
                      x["identity_key"], ts(x["submitted"]), ts(x["decided"]), x["reviewer"],
                      None if x["approved"] else "The photo is not clear enough.", 2)
        elif table == "application_reason":
            if not x["approved"]:
                yield csv(x["application"], 0, "DOCUMENT_UNCLEAR",
                          "The document photo is not clear enough to check every detail.")
        elif table == "document_page":
            for page_no, (fp, hmac, size) in enumerate(x["pages"], 1):
                b1, b2, b3 = bands(fp)
                yield csv(x["application"], page_no, x["account"], f"{x['account']}/{x['application']}/{page_no}",
                          1, "image/jpeg", size, f"{hmac:064x}", "k1", ts(x["submitted"]), signed(fp), b1, b2, b3)
        elif table == "identity_quota":
            if x["approved"]:
                yield csv(x["identity_key"], 1, 1)
        elif table == "account_event":
            kind = "APPLICATION_APPROVED" if x["approved"] else "APPLICATION_REJECTED"
            event_id = ident(0xA3, i)
            body = ('{"eventId":"%s","type":"%s","accountId":"%s","applicationId":"%s","sequence":1}'
                    % (event_id, kind, x["account"], x["application"]))
            yield csv(event_id, kind, x["account"], x["application"], 1, ts(x["decided"]), body, base + i + 1)
        else:
            raise SystemExit(f"unknown table {table}")


def main():
    if sys.argv[1] == "columns":
        print(COLUMNS[sys.argv[2]])
        return
    n, folder = int(sys.argv[1]), sys.argv[2]
    base = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    files = {t: open(f"{folder}/{t}.csv", "w", buffering=1 << 20) for t in COLUMNS}
    r = random.Random(20261122)
    for i in range(n):
        x = row(i, r)
        for table, f in files.items():
            for line in lines(table, i, x, base):
                f.write(line + "\n")
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
