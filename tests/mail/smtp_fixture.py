#!/usr/bin/python3
"""A real SMTP server on loopback for StretchPlan's tests (python3-aiosmtpd).

Modes: plain (a relay, no TLS), starttls (STARTTLS offered and required before MAIL),
smtps (TLS from the first byte), silent (accepts connections and never answers).
Optional AUTH with one user and password (offered only over TLS), and recipients the
server refuses with 550. Each connection appends a line to DIR/connections; each message
is saved as DIR/msg-N.eml plus DIR/msg-N.json (what Python's email package parsed from
it) and DIR/msg-N.attachment (the attachment's decoded bytes, when there is one).
The port is written to DIR/port once the server listens.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--mode", choices=["plain", "starttls", "smtps", "silent"], default="plain")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--reject", action="append", default=[])
    return p.parse_args()


def summarise(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    summary = {
        "subject": str(msg["subject"]) if msg["subject"] is not None else None,
        "from_name": msg["from"].addresses[0].display_name if msg["from"] else None,
        "from_address": msg["from"].addresses[0].addr_spec if msg["from"] else None,
        "to": [a.addr_spec for a in msg["to"].addresses] if msg["to"] else [],
        "message_id": msg["message-id"],
        "date": msg["date"],
        "content_type": msg.get_content_type(),
        "defects": [str(d) for d in msg.defects],
        "parts": [],
        "body": None,
        "attachment_name": None,
    }
    attachment = None
    for part in msg.walk():
        if part.is_multipart():
            continue
        summary["defects"] += [str(d) for d in part.defects]
        info = {"type": part.get_content_type(), "filename": part.get_filename(),
                "encoding": part.get("Content-Transfer-Encoding", ""),
                "disposition": part.get_content_disposition()}
        summary["parts"].append(info)
        if part.get_content_disposition() == "attachment":
            attachment = part.get_payload(decode=True)
            summary["attachment_name"] = part.get_filename()
        elif part.get_content_type() == "text/plain" and summary["body"] is None:
            # SMTP carries CRLF line ends; a mail client shows lines.
            summary["body"] = part.get_content().replace("\r\n", "\n")
    return summary, attachment


class Handler:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = set(reject)
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "msg-%d" % self.count)
        raw = envelope.original_content
        summary, attachment = summarise(raw)
        summary["envelope_from"] = envelope.mail_from
        summary["envelope_to"] = envelope.rcpt_tos
        summary["tls"] = session.ssl is not None
        summary["authenticated"] = bool(session.authenticated)
        if attachment is not None:
            with open(base + ".attachment", "wb") as f:
                f.write(attachment)
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        with open(base + ".json.part", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False)
        os.rename(base + ".json.part", base + ".json")
        return "250 Message accepted for delivery"


class CountingSMTP(SMTP):
    def __init__(self, folder, *args, **kwargs):
        self._folder = folder
        super().__init__(*args, **kwargs)

    def connection_made(self, transport):
        with open(os.path.join(self._folder, "connections"), "a") as f:
            f.write("connection\n")
        super().connection_made(transport)


class Silent(asyncio.Protocol):
    def __init__(self, folder):
        self._folder = folder

    def connection_made(self, transport):
        with open(os.path.join(self._folder, "connections"), "a") as f:
            f.write("connection\n")
        self.transport = transport  # keep it open, say nothing


def main():
    args = parse_args()
    tls = None
    if args.mode in ("starttls", "smtps"):
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)
    handler = Handler(args.dir, args.reject)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    def factory():
        if args.mode == "silent":
            return Silent(args.dir)
        # aiosmtpd counts only STARTTLS as TLS; with smtps the whole connection already is.
        kwargs = dict(hostname="localhost", auth_require_tls=args.mode != "smtps")
        if args.mode == "starttls":
            kwargs.update(tls_context=tls, require_starttls=True)
        if args.user:
            kwargs.update(authenticator=authenticator, auth_required=True)
        return CountingSMTP(args.dir, handler, **kwargs)

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=0, ssl=tls if args.mode == "smtps" else None))
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(args.dir, "port.part"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(args.dir, "port.part"), os.path.join(args.dir, "port"))
    loop.run_forever()


if __name__ == "__main__":
    main()
