#!/usr/bin/env python3
# Usage: scripts/hoop-fixtures.py sources/src/test/resources/hoop
# Writes the hoop.dev fixtures of sources/src/test/resources/hoop from the API's Session type (field order of
# gateway/api/openapi/types.go, as Go's encoding/json writes it). Seeded: the same files every run.
import base64, json, random, uuid, datetime as dt, sys, os
OUTDIR = sys.argv[1]
R = random.Random(15)
ORG = "0cd7f941-2bb8-4f9f-93b0-11620d4652ab"
USERS = [("kavya.reddy@northwind.example", "Kavya Reddy"), ("marco.rossi@northwind.example", "Marco Rossi"),
         ("li.wei@northwind.example", "Li Wei"), ("sam.okafor@northwind.example", "Sam Okafor")]
REVIEWERS = [("dana.schulz@northwind.example", "Dana Schulz"), ("ops-lead@northwind.example", "Ops Lead")]
def uid(): return str(uuid.UUID(int=R.getrandbits(128)))
def b64(s): return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()
def ts(t): return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%09dZ" % (t.microsecond * 1000 + R.randint(0, 999))
T0 = dt.datetime(2026, 3, 2, 8, 0, 0, tzinfo=dt.timezone.utc)

def session(user, conn, subtype, ctype, verb, stream, start, dur, exit_code=0, status="done", script=None,
            review=None, guard=None, masking=None, truncated=False, reason=None, ai=None, ident="user"):
    end = None if status in ("open", "ready") else start + dt.timedelta(seconds=dur)
    ev = "[" + ",".join("[%s,%s,%s]" % (repr(e) if e >= 1e-4 or e == 0 else ("%g" % e), json.dumps(k), json.dumps(b64(d)))
                        for e, k, d in stream) + "]" if stream is not None else "null"
    size = sum(len(d) for _, _, d in (stream or []))
    metrics = {"data_masking": masking or {"info_types": {}, "total_redact_count": 0, "transformed_bytes": 0, "err_count": 0},
               "event_size": size, "truncated": truncated}
    d = {"id": uid(), "org_id": ORG, "script": {"data": script} if script is not None else None,
         "script_size": len(script or ""), "labels": {}, "integrations_metadata": None,
         "metadata": {"reason": reason} if reason else {}, "metrics": metrics,
         "user": user[0], "user_id": "oidc|" + user[0].split("@")[0], "user_name": user[1], "type": ctype,
         "connection_subtype": subtype, "connection": conn, "resource_name": conn, "role_name": conn,
         "connection_tags": {"environment": "prod" if "prod" in conn else "staging", "team": "payments"},
         "review": review, "verb": verb, "status": status, "exit_code": exit_code if end else None,
         "event_stream": "@@STREAM@@", "event_size": size,
         "start_date": ts(start), "end_date": ts(end) if end else None, "ai_analysis": ai,
         "guardrails_info": guard, "identity_type": ident}
    if stream is None:
        del d["event_stream"]
    return d, ev

def dump(d, ev, indent=None):
    s = json.dumps(d, indent=indent, ensure_ascii=False)
    return s.replace('"@@STREAM@@"', ev)

def table(cols, rows):
    w = [max(len(str(c)), *(len(str(r[i])) for r in rows)) for i, c in enumerate(cols)]
    line = lambda v: " " + " | ".join(str(x).ljust(w[i]) for i, x in enumerate(v))
    out = [line(cols), "-" + "-+-".join("-" * x for x in w) + "-"] + [line(r) for r in rows]
    return "\n".join(out) + "\n(%d row%s)\n" % (len(rows), "" if len(rows) == 1 else "s")

sessions = []
t = T0
def nxt(minutes=7):
    global t
    t = t + dt.timedelta(minutes=R.randint(2, minutes), seconds=R.randint(0, 59), microseconds=R.randint(0, 999999))
    return t

queries = [("SELECT id, status, amount FROM payments WHERE created_at > now() - interval '1 day' LIMIT 3;",
            table(["id", "status", "amount"], [[9912, "settled", "120.00"], [9913, "pending", "75.50"], [9914, "settled", "9.99"]])),
           ("SELECT count(*) FROM customers WHERE country = 'DE';", table(["count"], [[4211]])),
           ("UPDATE payouts SET state = 'retry' WHERE id = 77120;", "UPDATE 1\n"),
           ("SELECT email FROM customers WHERE id = 4401;", table(["email"], [["k*****@example.com"]])),
           ("EXPLAIN ANALYZE SELECT * FROM ledger_entries WHERE account_id = 31;", "Index Scan using ledger_entries_account_idx on ledger_entries  (cost=0.43..8.45 rows=1 width=97)\n Planning Time: 0.112 ms\n Execution Time: 0.051 ms\n")]
for i in range(27):
    q, o = queries[i % len(queries)]
    u = USERS[i % len(USERS)]
    conn, sub = ("payments-prod-pg", "postgres") if i % 3 else ("orders-mysql", "mysql")
    e1 = round(R.uniform(0.2, 0.9), 9)
    sessions.append(session(u, conn, sub, "database", "exec", [(0.000005, "i", q), (e1, "o", o)], nxt(), e1 + 0.01,
                            script=q, masking={"info_types": {"EMAIL_ADDRESS": 1}, "total_redact_count": 1,
                                               "transformed_bytes": 17, "err_count": 0} if "email" in q else None))

# the statement an auditor looks for
drop = "DROP TABLE audit_archive_2023;"
sessions.append(session(USERS[1], "payments-prod-pg", "postgres", "database", "exec",
                        [(5e-06, "i", drop), (0.184220981, "o", "DROP TABLE\n")], nxt(), 0.19, script=drop,
                        reason="cleanup after retention change CHG-4471"))
# a failed statement: the database said no, exit code 1
bad = "SELECT * FROM paymnets LIMIT 10;"
sessions.append(session(USERS[2], "payments-prod-pg", "postgres", "database", "exec",
                        [(1e-05, "i", bad), (0.051, "e", 'ERROR:  relation "paymnets" does not exist\nLINE 1: SELECT * FROM paymnets LIMIT 10;\n                      ^\n')],
                        nxt(), 0.06, exit_code=1, script=bad))
# a rejected review: the statement never ran
rej = "DELETE FROM customers WHERE created_at < '2020-01-01';"
tr = nxt()
sessions.append(session(USERS[3], "payments-prod-pg", "postgres", "database", "exec", [], tr, 412.5, exit_code=None,
                        script=rej, reason="GDPR purge request #881",
                        review={"id": uid(), "type": "onetime", "access_duration": 0, "status": "REJECTED", "revoke_at": None,
                                "created_at": ts(tr), "review_groups_data": [{"id": uid(), "group": "dba", "status": "REJECTED",
                                "reviewed_by": {"id": uid(), "name": REVIEWERS[0][1], "email": REVIEWERS[0][0], "slack_id": ""},
                                "review_date": ts(tr + dt.timedelta(minutes=6, seconds=52)), "forced_review": False}],
                                "time_window": None, "access_request_rule_name": "prod-writes", "min_approvals": 1,
                                "force_approval_groups": [], "rejection_reason": "Not without a backup and a ticket from legal."}))
# an approved jit review (two groups), then an interactive ssh session with colour output and non-ASCII
tj = nxt()
review = {"id": uid(), "type": "jit", "access_duration": 1800000000000, "status": "APPROVED", "revoke_at": None,
          "created_at": ts(tj - dt.timedelta(minutes=4)),
          "review_groups_data": [{"id": uid(), "group": "sre", "status": "APPROVED",
                                  "reviewed_by": {"id": uid(), "name": REVIEWERS[1][1], "email": REVIEWERS[1][0], "slack_id": "U053ELZHB53"},
                                  "review_date": ts(tj - dt.timedelta(minutes=3)), "forced_review": False},
                                 {"id": uid(), "group": "security", "status": "APPROVED",
                                  "reviewed_by": {"id": uid(), "name": REVIEWERS[0][1], "email": REVIEWERS[0][0], "slack_id": ""},
                                  "review_date": ts(tj - dt.timedelta(minutes=1)), "forced_review": False}],
          "time_window": None, "access_request_rule_name": None, "min_approvals": 2, "force_approval_groups": ["sre"]}
ssh = [(0.41, "o", "Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-45-generic x86_64)\r\n\x1b[01;32mdeploy@bastion-01\x1b[00m:~$ "),
       (3.2, "i", "ls --color=auto /srv/app\r"),
       (3.25, "o", "\x1b[0m\x1b[01;34mreleases\x1b[0m  \x1b[01;34mshared\x1b[0m  \x1b[01;36mcurrent\x1b[0m\r\n\x1b[01;32mdeploy@bastion-01\x1b[00m:~$ "),
       (9.75, "i", "cat /srv/app/shared/config/Grüße.txt\r"),
       (9.8, "o", "Grüße aus München — 東京オフィス ✓\r\nkunde: Jörg Müller\r\n\x1b[01;32mdeploy@bastion-01\x1b[00m:~$ "),
       (15.5, "i", "sudo systemctl restart payments-worker\r"),
       (17.9, "o", "[sudo] password for deploy: \r\n"),
       (24.0, "i", "exit\r"),
       (24.01, "o", "logout\r\n")]
sessions.append(session(USERS[0], "bastion-prod-ssh", "ssh", "application", "connect", ssh, tj, 24.1, review=review,
                        reason="restart stuck payout worker INC-2231"))
# ssh one-off commands with output
for i, (cmd, out) in enumerate([("df -h /var/lib/postgresql", "Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme1n1    500G  412G   88G  83% /var/lib/postgresql\n"),
                                ("journalctl -u payments-worker --since -1h | tail -3", "Mar 02 09:12:01 worker-2 payments-worker[1123]: payout batch 4471 done\nMar 02 09:14:11 worker-2 payments-worker[1123]: retrying payout 77120\nMar 02 09:14:12 worker-2 payments-worker[1123]: payout 77120 settled\n"),
                                ("uptime", " 09:20:44 up 41 days,  3:02,  0 users,  load average: 0.31, 0.44, 0.40\n")]):
    sessions.append(session(USERS[(i + 2) % 4], "worker-2-ssh", "ssh", "application", "exec",
                            [(2e-06, "i", cmd + "\n"), (0.3 + i / 10, "o", out)], nxt(), 0.5, script=cmd + "\n"))
# a guardrail refused the statement
g = "SELECT card_number, cvv FROM cards LIMIT 100;"
sessions.append(session(USERS[2], "payments-prod-pg", "postgres", "database", "exec",
                        [(0.0001, "e", "blocked by guardrail rule pci-columns: matched words card_number, cvv\n")], nxt(), 0.01,
                        exit_code=1, script=g,
                        guard=[{"rule_name": "pci-columns", "rule": {"type": "deny_words_list", "words": ["card_number", "cvv"]},
                                "direction": "input", "matched_words": ["card_number", "cvv"],
                                "message": "Card data may not be queried through the gateway."}]))
# kubernetes
sessions.append(session(USERS[1], "prod-eks", "kubernetes", "custom", "exec",
                        [(3e-06, "i", "kubectl get pods -n payments\n"), (0.92, "o", "NAME                          READY   STATUS    RESTARTS   AGE\npayments-api-7f9c6-x2lqp      1/1     Running   0          3d\npayments-worker-5d8b9-kk2mz   1/1     Running   4          3d\n")],
                        nxt(), 1.0, script="kubectl get pods -n payments\n"))
# a masked result
sessions.append(session(USERS[0], "payments-prod-pg", "postgres", "database", "exec",
                        [(4e-06, "i", "SELECT name, email, phone FROM customers WHERE id IN (4401, 4402);"),
                         (0.2, "o", table(["name", "email", "phone"], [["Jörg Müller", "j*****@example.com", "+49 *** *** 12"], ["Ana Souza", "a*****@example.com", "+55 *** *** 77"]]))],
                        nxt(), 0.25, script="SELECT name, email, phone FROM customers WHERE id IN (4401, 4402);",
                        masking={"info_types": {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 2}, "total_redact_count": 4, "transformed_bytes": 58, "err_count": 0}))
# a truncated stream
big = "".join("%d | event-%06d | ok\n" % (n, n) for n in range(400))
sessions.append(session(USERS[3], "orders-mysql", "mysql", "database", "exec",
                        [(6e-06, "i", "SELECT id, name, state FROM events;"), (1.7, "o", big)], nxt(), 1.8,
                        script="SELECT id, name, state FROM events;", truncated=True))
# a machine identity, ai analysis allowed
sessions.append(session(("etl-runner", "etl-runner"), "orders-mysql", "mysql", "database", "exec",
                        [(8e-06, "i", "CALL refresh_daily_totals();"), (3.2, "o", "Query OK, 0 rows affected\n")], nxt(), 3.3,
                        script="CALL refresh_daily_totals();", ident="machine",
                        ai={"risk_level": "low", "title": "Routine procedure call", "explanation": "Refreshes an aggregate table.", "action": "allow_execution"}))
# still running: status open, no end
sessions.append(session(USERS[2], "bastion-prod-ssh", "ssh", "application", "connect",
                        [(0.38, "o", "Welcome to Ubuntu 24.04.1 LTS\r\n$ "), (4.1, "i", "tail -f /var/log/payments/worker.log\r"),
                         (4.2, "o", "2026-03-02T09:41:07Z payout 77131 settled\r\n")], nxt(), 0, exit_code=None, status="open"))

sessions.sort(key=lambda s: s[0]["start_date"], reverse=True)  # the API lists newest first
with open(os.path.join(OUTDIR, "sessions.json"), "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join(dump(d, ev, 2) for d, ev in sessions) + "\n]\n")
pick = [s for s in sessions if s[0]["connection_subtype"] in ("ssh", "kubernetes")][:4]
with open(os.path.join(OUTDIR, "sessions-page.json"), "w", encoding="utf-8") as f:
    f.write('{"data":[' + ",".join(dump(d, ev) for d, ev in pick) + '],"total":%d,"total_is_capped":false,"has_next_page":true}\n' % len(sessions))
with open(os.path.join(OUTDIR, "session-one.json"), "w", encoding="utf-8") as f:
    d, ev = [s for s in sessions if "DROP TABLE" in (s[0]["script"] or {}).get("data", "")][0]
    f.write(dump(d, ev, 2) + "\n")
lines = [dump(d, ev) for d, ev in sessions[:6]]
with open(os.path.join(OUTDIR, "sessions.jsonl"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(OUTDIR, "sessions-bad-line.jsonl"), "w", encoding="utf-8") as f:
    broken = lines[1][: len(lines[1]) // 2]
    f.write("\n".join([lines[0], broken, lines[2]]) + "\n")

audit = []
ta = T0 + dt.timedelta(hours=2)
for i, (res, act, meth, path, st, ok, err) in enumerate([
        ("connections", "create", "POST", "/api/connections", 201, True, ""),
        ("guardrails", "update", "PUT", "/api/guardrails/6c1f3b0e-5d54-4b8e-9a51-2b0c1d6e8f10", 200, True, ""),
        ("data_masking", "delete", "DELETE", "/api/datamasking-rules/pii-default", 200, True, ""),
        ("users", "update", "PUT", "/api/users/li.wei@northwind.example", 403, False, "access denied: admin role required"),
        ("api_keys", "create", "POST", "/api/orgs/keys", 500, False, "failed creating api key: database unavailable"),
        ("connections", "delete", "DELETE", "/api/connections/legacy-mysql", 204, True, "")]):
    ta += dt.timedelta(minutes=R.randint(1, 30))
    u = USERS[0] if i != 3 else USERS[2]
    audit.append({"id": uid(), "org_id": ORG, "actor_subject": "oidc|" + u[0].split("@")[0], "actor_email": u[0],
                  "actor_name": u[1], "created_at": ta.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "resource_type": res,
                  "action": act, "http_method": meth, "http_status": st, "http_path": path,
                  "client_ip": "10.20.%d.%d" % (i, 10 + i), "request_payload_redacted": {"name": path.rsplit("/", 1)[-1]},
                  "outcome": ok, "error_message": err})
with open(os.path.join(OUTDIR, "audit-logs.json"), "w", encoding="utf-8") as f:
    json.dump({"pages": {"total": len(audit), "page": 1, "size": 50}, "data": audit}, f, indent=2)
    f.write("\n")
print(len(sessions), "sessions")
