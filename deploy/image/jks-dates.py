#!/usr/bin/env python3
"""Sets the date of every entry of a Java KeyStore (JKS) to one time and seals it again.

Debian's ca-certificates-java writes Java's trust store with the time each certificate was added,
so two builds of the same packages differ. build-offline.sh runs this on the image's
/etc/ssl/certs/java/cacerts with SOURCE_DATE_EPOCH:  jks-dates.py <keystore> <epoch seconds>.
The store's seal is SHA-1 over the password (UTF-16BE), the words "Mighty Aphrodite" and the
contents; Debian's trust store has the customary password "changeit". Trusted certificates only:
a store with private keys is refused.
"""
import hashlib
import struct
import sys

MAGIC = 0xFEEDFEED
TRUSTED_CERTIFICATE = 2
PASSWORD = "changeit"


def main(path, epoch_seconds):
    data = bytearray(open(path, "rb").read())
    magic, version, count = struct.unpack(">IIi", data[:12])
    if magic != MAGIC or version != 2:
        sys.exit(f"{path} is not a JKS keystore of version 2")
    offset = 12
    for _ in range(count):
        tag, = struct.unpack(">I", data[offset:offset + 4])
        if tag != TRUSTED_CERTIFICATE:
            sys.exit(f"{path} holds an entry that is not a trusted certificate (tag {tag})")
        offset += 4
        alias_length, = struct.unpack(">H", data[offset:offset + 2])
        offset += 2 + alias_length
        data[offset:offset + 8] = struct.pack(">q", epoch_seconds * 1000)
        offset += 8
        type_length, = struct.unpack(">H", data[offset:offset + 2])
        offset += 2 + type_length
        certificate_length, = struct.unpack(">i", data[offset:offset + 4])
        offset += 4 + certificate_length
    if len(data) != offset + 20:
        sys.exit(f"{path} does not end with its seal where expected")
    seal = hashlib.sha1(PASSWORD.encode("utf-16-be") + b"Mighty Aphrodite" + bytes(data[:offset])).digest()
    if hashlib.sha1(PASSWORD.encode("utf-16-be") + b"Mighty Aphrodite" + open(path, "rb").read()[:offset]).digest() \
            != open(path, "rb").read()[offset:]:
        sys.exit(f"{path} is not sealed with the password '{PASSWORD}'")
    data[offset:] = seal
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
