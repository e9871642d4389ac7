#!/usr/bin/env python3
"""Builds phone_sample.tsv: strings labelled by construction (phone or not), to measure the
profile's phone-number detection (PhonePrecisionRecallTest). Deterministic: run it again and
the file does not change. Labels come from how each string is made here, never from the
detector: phone numbers follow each country's written conventions with plausible leading
digits and random subscriber digits (so some are unassigned, as in real data); look-alikes
are dates, times, amounts, ids, order and tracking numbers, postal codes, card-like digit
runs, version strings, addresses and coordinates.

Columns: label (phone|other), category (country:format, or the kind of look-alike), text.
"""
import random

rng = random.Random(20261206)


def d(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def nz(n):  # digits, the first not 0 or 1 (subscriber numbers rarely start so)
    return rng.choice("23456789") + d(n - 1)


def pick(xs):
    return rng.choice(xs)


# country -> list of (format name, maker); national formats first, then international.
COUNTRIES = {
    "US": [
        ("national", lambda: f"({pick(['212','415','312','617','206','303','512','713','404','305'])}) {nz(3)}-{d(4)}"),
        ("national", lambda: f"{pick(['646','718','510','408','702','214','602','919'])}-{nz(3)}-{d(4)}"),
        ("national", lambda: f"{pick(['202','480','615','503'])}.{nz(3)}.{d(4)}"),
        ("international", lambda: f"+1 {pick(['212','415','312','617'])} {nz(3)} {d(4)}"),
        ("international", lambda: f"+1-{pick(['206','303','512'])}-{nz(3)}-{d(4)}"),
    ],
    "GB": [
        ("national", lambda: f"07{pick(['7','8','9','4'])}{d(2)} {d(6)}"),
        ("national", lambda: f"020 {pick(['7','8'])}{d(3)} {d(4)}"),
        ("national", lambda: f"0161 {nz(3)} {d(4)}"),
        ("national", lambda: f"0{pick(['9061','9050','8712','8000'])}{d(6)}"),
        ("international", lambda: f"+44 7{pick(['7','8','9'])}{d(2)} {d(6)}"),
        ("international", lambda: f"+44 (0)20 {pick(['7','8'])}{d(3)} {d(4)}"),
    ],
    "IN": [
        ("national", lambda: f"{pick('6789')}{d(4)} {d(5)}"),
        ("national", lambda: f"0{pick('789')}{d(4)}{d(5)}"),
        ("national", lambda: f"011 {pick('2345')}{d(7)}"),
        ("international", lambda: f"+91 {pick('6789')}{d(4)} {d(5)}"),
        ("international", lambda: f"+91-{pick('789')}{d(9)}"),
    ],
    "DE": [
        ("national", lambda: f"030 {nz(8)}"),
        ("national", lambda: f"0{pick(['151','160','171','176'])} {d(8)}"),
        ("national", lambda: f"089/{nz(7)}"),
        ("international", lambda: f"+49 30 {nz(8)}"),
        ("international", lambda: f"+49 {pick(['151','171','176'])} {d(8)}"),
    ],
    "FR": [
        ("national", lambda: f"0{pick('12345')} {d(2)} {d(2)} {d(2)} {d(2)}"),
        ("national", lambda: f"0{pick('67')} {d(2)} {d(2)} {d(2)} {d(2)}"),
        ("international", lambda: f"+33 {pick('167')} {d(2)} {d(2)} {d(2)} {d(2)}"),
        ("international", lambda: f"+33 (0){pick('16')}{d(8)}"),
    ],
    "AU": [
        ("national", lambda: f"({pick(['02','03','07','08'])}) {nz(4)} {d(4)}"),
        ("national", lambda: f"04{d(2)} {d(3)} {d(3)}"),
        ("international", lambda: f"+61 {pick('2378')} {nz(4)} {d(4)}"),
        ("international", lambda: f"+61 4{d(2)} {d(3)} {d(3)}"),
    ],
    "BR": [
        ("national", lambda: f"({pick(['11','21','31','41','51','61'])}) 9{d(4)}-{d(4)}"),
        ("national", lambda: f"({pick(['11','21','31'])}) {pick('2345')}{d(3)}-{d(4)}"),
        ("international", lambda: f"+55 {pick(['11','21','31'])} 9{d(4)}-{d(4)}"),
    ],
    "ES": [
        ("national", lambda: f"{pick(['91','93','95','96'])}{d(1)} {d(3)} {d(3)}"),
        ("national", lambda: f"6{d(2)} {d(3)} {d(3)}"),
        ("international", lambda: f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}"),
    ],
    "IT": [
        ("national", lambda: f"06 {d(4)} {d(4)}"),
        ("national", lambda: f"3{pick('2345')}{d(1)} {d(3)} {d(4)}"),
        ("international", lambda: f"+39 02 {d(4)} {d(4)}"),
        ("international", lambda: f"+39 3{pick('2345')}{d(1)} {d(3)} {d(4)}"),
    ],
    "MX": [
        ("national", lambda: f"{pick(['55','33','81'])} {d(4)} {d(4)}"),
        ("international", lambda: f"+52 {pick(['55','33','81'])} {d(4)} {d(4)}"),
    ],
    # Regions outside the default: their international forms must be found, their national
    # forms are found only when the region is named (recall is reported apart).
    "JP": [
        ("national", lambda: f"03-{d(4)}-{d(4)}"),
        ("national", lambda: f"0{pick(['90','80','70'])}-{d(4)}-{d(4)}"),
        ("international", lambda: f"+81 3-{d(4)}-{d(4)}"),
        ("international", lambda: f"+81 {pick(['90','80'])}-{d(4)}-{d(4)}"),
    ],
    "NL": [
        ("national", lambda: f"020 {nz(3)} {d(4)}"),
        ("national", lambda: f"06-{d(8)}"),
        ("international", lambda: f"+31 20 {nz(3)} {d(4)}"),
        ("international", lambda: f"+31 6 {d(8)}"),
    ],
    "NG": [
        ("national", lambda: f"0{pick(['803','805','806','813'])} {d(3)} {d(4)}"),
        ("international", lambda: f"+234 {pick(['803','805','806'])} {d(3)} {d(4)}"),
    ],
    "ZA": [
        ("national", lambda: f"0{pick(['11','21','82','83'])} {d(3)} {d(4)}"),
        ("international", lambda: f"+27 {pick(['11','82','83'])} {d(3)} {d(4)}"),
    ],
    "CN": [
        ("national", lambda: f"1{pick(['38','39','58','86'])} {d(4)} {d(4)}"),
        ("international", lambda: f"+86 1{pick(['38','39','58'])} {d(4)} {d(4)}"),
    ],
    "KR": [
        ("national", lambda: f"010-{d(4)}-{d(4)}"),
        ("international", lambda: f"+82 10-{d(4)}-{d(4)}"),
    ],
    "SE": [
        ("national", lambda: f"08-{d(3)} {d(3)} {d(2)}"),
        ("international", lambda: f"+46 8 {d(3)} {d(3)} {d(2)}"),
    ],
}

CONTEXTS = ["{}", "{}", "Call me on {}", "Tel: {}", "ring {} after 6pm", "Contact: {} (office)",
            "WhatsApp {} anytime", "Please call {} to claim your prize!", "my new number is {}.", "Fax {}"]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def year():
    return str(rng.randint(1950, 2030))


def mm():
    return f"{rng.randint(1, 12):02d}"


def dd():
    return f"{rng.randint(1, 28):02d}"


def hms():
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def luhn_digits(n):
    body = [int(c) for c in d(n - 1)]
    body[0] = rng.choice([4, 5])
    total = 0
    for i, x in enumerate(reversed(body)):
        if i % 2 == 0:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return "".join(map(str, body)) + str((10 - total % 10) % 10)


LOOKALIKES = {
    "date": [lambda: f"{year()}-{mm()}-{dd()}", lambda: f"{dd()}/{mm()}/{year()}", lambda: f"{mm()}.{dd()}.{year()}",
             lambda: f"{year()}{mm()}{dd()}", lambda: f"born {dd()} {pick(MONTHS)} {year()}",
             lambda: f"{year()}/{mm()}/{dd()}", lambda: f"from {dd()}.{mm()}.{year()} to {dd()}.{mm()}.{year()}"],
    "timestamp": [lambda: f"{year()}-{mm()}-{dd()} {hms()}", lambda: f"{year()}-{mm()}-{dd()}T{hms()}Z",
                  lambda: f"{rng.randint(1_500_000_000, 1_800_000_000)}",
                  lambda: f"{rng.randint(1_500_000_000_000, 1_800_000_000_000)}",
                  lambda: f"logged at {hms()}.{d(3)} on {dd()}/{mm()}/{year()}",
                  lambda: f"[{year()}-{mm()}-{dd()} {hms()},{d(3)}] INFO started"],
    "amount": [lambda: f"${rng.randint(1, 999)},{d(3)},{d(3)}.{d(2)}", lambda: f"€ {rng.randint(1, 999)}.{d(3)}.{d(3)},{d(2)}",
               lambda: f"{rng.randint(1, 999)} {d(3)} {d(3)},{d(2)} EUR", lambda: f"{nz(8)}.{d(2)}",
               lambda: f"total: USD {rng.randint(1, 99)},{d(3)},{d(3)}", lambda: f"£{rng.randint(1, 99)},{d(3)}.{d(2)} paid",
               lambda: f"Rs. {rng.randint(1, 99)},{d(2)},{d(3)}"],
    "id": [lambda: f"Order #{nz(9)}", lambda: f"INV-{year()}-{d(7)}", lambda: f"Ticket {nz(7)}",
           lambda: f"Customer ID: 00{d(7)}", lambda: f"SKU {d(13)}", lambda: f"Tracking 1Z{d(3)}AA1{d(10)}",
           lambda: f"ISBN 978-{rng.randint(0, 9)}-{d(2)}-{d(6)}-{rng.randint(0, 9)}",
           lambda: f"{d(8)}-{d(4)}-{d(4)}-{d(4)}-{d(12)}".replace("-", "-", 4),
           lambda: f"account no. {d(8)}", lambda: f"ref {d(4)}-{d(4)}-{d(4)}", lambda: f"patient {d(3)}-{d(3)}-{d(3)}",
           lambda: f"SSN {d(3)}-{d(2)}-{d(4)}", lambda: f"IBAN GB{d(2)} NWBK {d(4)} {d(4)} {d(4)} {d(2)}",
           lambda: f"DE{d(2)} {d(4)} {d(4)} {d(4)} {d(4)} {d(2)}"],
    "order number": [lambda: f"order {nz(7)} shipped", lambda: f"PO {nz(10)}", lambda: f"your order {nz(3)}-{d(7)}-{d(7)}",
                     lambda: f"confirmation {nz(6)}{d(4)}"],
    "postal code": [lambda: f"{d(5)}", lambda: f"Beverly Hills, CA {d(5)}-{d(4)}", lambda: f"SW1A {rng.randint(1, 9)}AA London",
                    lambda: f"{d(5)} Berlin", lambda: f"{d(5)} Paris", lambda: f"PIN {pick('12345')}{d(5)}",
                    lambda: f"{d(4)} AB Amsterdam", lambda: f"CEP {d(5)}-{d(3)}"],
    "card-like": [lambda: " ".join(luhn_digits(16)[i:i + 4] for i in range(0, 16, 4)), lambda: luhn_digits(16),
                  lambda: "-".join(d(16)[i:i + 4] for i in range(0, 16, 4)), lambda: f"card ending {d(4)}, exp {mm()}/{d(2)}"],
    "version": [lambda: f"{rng.randint(1, 20)}.{rng.randint(0, 99)}.{rng.randint(0, 999)}",
                lambda: f"10.0.{d(5)}.{d(4)}", lambda: f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}-rc{rng.randint(1, 5)}",
                lambda: f"build {year()}{mm()}{dd()}.{rng.randint(1, 9)}", lambda: f"kernel 5.{rng.randint(0, 19)}.0-{d(2)}-generic",
                lambda: f"Chrome/{rng.randint(90, 130)}.0.{d(4)}.{d(3)}"],
    "number": [lambda: f"population {rng.randint(1, 99)},{d(3)},{d(3)}", lambda: f"{rng.randint(1, 9)}.{d(8)}",
               lambda: f"{d(3)}.{d(4)} kg", lambda: f"score {nz(5)}/{nz(6)}", lambda: f"pages {nz(4)}-{nz(4)}",
               lambda: f"{year()}-{year()}", lambda: f"{rng.randint(1, 9)}e{rng.randint(5, 20)} ops",
               lambda: f"coordinates {rng.randint(-89, 89)}.{d(4)}, {rng.randint(-179, 179)}.{d(4)}",
               lambda: f"192.168.{rng.randint(0, 255)}.{rng.randint(0, 255)}", lambda: f"{nz(3)} {d(3)} {d(3)} views"],
}


def main():
    rows = []
    for country, formats in COUNTRIES.items():
        per_format = 6 if country in ("US", "GB", "IN", "DE", "FR") else 4
        for name, make in formats:
            for _ in range(per_format):
                rows.append(("phone", f"{country}:{name}", pick(CONTEXTS).format(make())))
    for kind, makers in LOOKALIKES.items():
        for make in makers:
            for _ in range(5):
                rows.append(("other", kind, make()))
    with open(__file__.replace("make_phone_sample.py", "phone_sample.tsv"), "w", encoding="utf-8") as out:
        out.write("label\tcategory\ttext\n")
        for row in rows:
            assert "\t" not in row[2] and "\n" not in row[2]
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
