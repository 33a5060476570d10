// Money is exact: big integers, amounts by asset precision, microsecond timestamps and the JSON
// layer that carries them.
#include <Formance/BigInt.h>
#include <Formance/Money.h>
#include <Formance/Timestamp.h>
#include <Formance/json/JsonCodec.h>

#include <QTest>
#include <QThread>

using namespace Formance;

namespace {
// The string table hands out text that no reference count owns, like QString::fromRawData.
bool permanent(QString s) {
    return s.data_ptr().d_ptr() == nullptr;
} // a copy shares the same data

// A small model written the way generated models are, to exercise the codec.
struct Posting {
    QString source;
    QString destination;
    BigInt amount;
    QString asset;
    std::optional<Timestamp> at;

    static bool fromJson(const Json::Value &v, Posting &out, Json::DecodeContext &ctx) {
        if (!v.isObject())
            return ctx.expected("an object", v);
        return Json::readMember(v, "source", out.source, ctx, true) &&
               Json::readMember(v, "destination", out.destination, ctx, true) &&
               Json::readMember(v, "amount", out.amount, ctx, true) &&
               Json::readMember(v, "asset", out.asset, ctx, true) &&
               Json::readMember(v, "at", out.at, ctx, false);
    }
    void toJson(Json::Writer &w) const {
        w.beginObject();
        Json::writeMember(w, "source", source);
        Json::writeMember(w, "destination", destination);
        Json::writeMember(w, "amount", amount);
        Json::writeMember(w, "asset", asset);
        Json::writeMember(w, "at", at);
        w.endObject();
    }
};
struct Page {
    QList<Posting> data;
    QMap<QString, BigInt> balances;
    static bool fromJson(const Json::Value &v, Page &out, Json::DecodeContext &ctx) {
        if (!v.isObject())
            return ctx.expected("an object", v);
        return Json::readMember(v, "data", out.data, ctx, true) &&
               Json::readMember(v, "balances", out.balances, ctx, false);
    }
    void toJson(Json::Writer &w) const {
        w.beginObject();
        Json::writeMember(w, "data", data);
        Json::writeMember(w, "balances", balances);
        w.endObject();
    }
};
} // namespace

class TestExactValues : public QObject {
    Q_OBJECT
private slots:
    void bigIntRoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("2^128+1") << "340282366920938463463374607431768211457";
        QTest::newRow("-2^70") << "-1180591620717411303424";
        QTest::newRow("2^64") << "18446744073709551616";
        QTest::newRow("int64 max") << "9223372036854775807";
        QTest::newRow("int64 min") << "-9223372036854775808";
        QTest::newRow("zero") << "0";
        QTest::newRow("18 digits") << "999999999999999999";
        QTest::newRow("int64 max + 1") << "9223372036854775808";
        QTest::newRow("int64 min - 1") << "-9223372036854775809";
        QTest::newRow("19 digits") << "1000000000000000000";
        QTest::newRow("38 digits") << "99999999999999999999999999999999999999";
        QTest::newRow("-38 digits") << "-99999999999999999999999999999999999999";
        QTest::newRow("39 digits") << "100000000000000000000000000000000000000";
        QTest::newRow("2^128-1") << "340282366920938463463374607431768211455";
    }
    void bigIntRoundTrip() {
        QFETCH(QString, text);
        const auto v = BigInt::fromString(text);
        QVERIFY(v);
        QCOMPARE(v->toString(), text);
    }

    void bigIntLeadingZerosAndBoundaries() {
        QCOMPARE(*BigInt::fromString("0000000000000000000000000042"), BigInt(42));
        QVERIFY(BigInt::fromString("-9223372036854775808")->fitsInt64());
        QVERIFY(!BigInt::fromString("9223372036854775808")->fitsInt64());
        QCOMPARE(*BigInt::fromString("18446744073709551616") - BigInt(1),
                 *BigInt::fromString("18446744073709551615"));
        QCOMPARE(*BigInt::fromString("-00000000000000000000000000000000000000018446744073709551616"),
                 -*BigInt::fromString("18446744073709551616"));
    }

    // Large arrays of models decode on two threads: same values, same first error with its path.
    void largeArraysDecodeTheSameOnOneOrTwoThreads() {
        QByteArray json = "{\"data\":[";
        for (int i = 0; i < 1500; ++i) {
            if (i)
                json += ',';
            json += "{\"source\":\"users:" + QByteArray::number(i % 37) +
                    "\",\"destination\":\"world\",\"amount\":" + QByteArray::number(i + 1) +
                    "000000000000000000000,\"asset\":\"USD/2\"}";
        }
        json += "],\"balances\":{\"b\":1,\"a\":2,\"b\":3}}";
        QByteArray bad = json;
        bad.replace("\"amount\":1234000000000000000000000", "\"amount\":\"12.5\"");
        bad.replace("\"amount\":777000000000000000000000", "\"amount\":\"x\"");
        const QByteArray repeated = "\"b\":1,";
        const bool wasParallel = Json::parallelDecoding();
        const bool modes[] = {true, false};
        for (bool parallel : modes) {
            Json::setParallelDecoding(parallel);
            Page page;
            const auto r = Json::decode(json, page);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(page.data.size(), 1500);
            for (int i = 0; i < 1500; ++i) {
                QCOMPARE(page.data[i].amount.toString(),
                         QString::number(i + 1) + QStringLiteral("000000000000000000000"));
                QCOMPARE(page.data[i].source, QStringLiteral("users:%1").arg(i % 37));
            }
            QCOMPARE(page.balances.value(QStringLiteral("b")), BigInt(3)); // the last of a repeated key wins
            QCOMPARE(page.balances.size(), 2);
            QCOMPARE(Json::encode(page).size(), json.size() - repeated.size());

            const auto e = Json::decode(bad, page);
            QVERIFY(!e.ok);
            QVERIFY2(e.error.startsWith(QStringLiteral("$.data[776].amount: expected an integer")),
                     qPrintable(e.error));
        }
        Json::setParallelDecoding(wasParallel);
    }

    // Integers take a short path (an optional '-' and up to 18 digits, eight at a time) or the long
    // one: both give the same values, and both refuse what is not an integer.
    void integersReadTheSameOnEveryPath() {
        const char *texts[] = {"0",
                               "-0",
                               "7",
                               "-7",
                               "12345678",
                               "-12345678",
                               "123456789",
                               "123456789012345678",
                               "-123456789012345678",
                               "999999999999999999",
                               "1234567890123456789",
                               "-9223372036854775808",
                               "9223372036854775808",
                               "36893488147419103232123"};
        for (const char *text : texts) {
            QList<BigInt> read;
            const QByteArray json = QByteArray("[") + text + ",\"" + text + "\"]";
            const auto r = Json::decode(json, read);
            QVERIFY2(r.ok, qPrintable(QString::fromLatin1(text) + u' ' + r.error));
            QCOMPARE(read.size(), 2);
            QCOMPARE(read[0], *BigInt::fromString(text));
            QCOMPARE(read[1], read[0]);
        }
        QList<BigInt> zeros; // leading zeros: only in a string (JSON numbers have none)
        QVERIFY(Json::decode(QByteArray(R"(["-00000012","0000000000000000000012","000000000"])"), zeros).ok);
        QCOMPARE(zeros, (QList<BigInt>{BigInt(-12), BigInt(12), BigInt(0)}));
        for (const char *bad : {"\"-\"", "\"12345678a\"", "\"1234567/\"", "\"123456:8\"", "1.5",
                                "-12345678.5", "1e3", "\"\"", "\"--1\""}) {
            QList<BigInt> read;
            const auto r = Json::decode(QByteArray("[") + bad + "]", read);
            QVERIFY2(!r.ok, bad);
            QVERIFY2(r.error.startsWith(QStringLiteral("$[0]: expected an integer")), qPrintable(r.error));
        }
    }

    // Strings: every escape, surrogate pairs, text on either side of the parser's 16-byte steps,
    // and a string that ends where the input does.
    void stringsAreUnescaped_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("\"merchants:acme\"") << QStringLiteral("merchants:acme");
        QTest::newRow("empty") << QByteArray("\"\"") << QString();
        QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"")
                                 << QStringLiteral("a\"b\\c/d\be\ff\ng\rh\ti");
        QTest::newRow("unicode") << QByteArray("\"caf\\u00e9 \\u20AC \\ud83d\\ude00 \\u0000!\"")
                                 << QString::fromUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 ") +
                                        QChar(0) + QLatin1Char('!');
        QTest::newRow("raw UTF-8") << QByteArray("\"caf\xc3\xa9 \xf0\x9f\x98\x80 long enough to span steps\"")
                                   << QString::fromUtf8(
                                          "caf\xc3\xa9 \xf0\x9f\x98\x80 long enough to span steps");
        for (int at : {0, 1, 7, 15, 16, 17, 31, 32, 40}) {
            const QByteArray before(at, 'x');
            QTest::addRow("escape after %d bytes", at) << "\"" + before + "\\\"" + QByteArray(20, 'y') + "\""
                                                       << QString(before + "\"" + QByteArray(20, 'y'));
            QTest::addRow("quote after %d bytes", at) << "\"" + before + "\"" << QString(before);
        }
    }
    void stringsAreUnescaped() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        const auto doc = Json::Document::parse(json, &error);
        QVERIFY2(doc, qPrintable(error));
        QCOMPARE(doc->root().toString(), expected);
        // The same string as a key and as a value inside containers, between other tokens.
        const QByteArray wrapped = "[ {" + json + " : " + json + "}, " + json + " ]";
        const auto inner = Json::Document::parse(wrapped, &error);
        QVERIFY2(inner, qPrintable(error));
        const Json::Value object = inner->root().elements().begin().operator*();
        QCOMPARE(QString::fromUtf8((*object.members().begin()).first), expected);
        QCOMPARE((*object.members().begin()).second.toString(), expected);
        QCOMPARE(inner->root().size(), 2u);
    }

    // Refusals name what was wrong and where, for the error an operator reads.
    void malformedJsonSaysWhatAndWhere_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("control character")
            << QByteArray("[\"a\tb\"]") << QStringLiteral("control character in a string at byte 3");
        QTest::newRow("bad UTF-8") << QByteArray("[1, \"caf\xc3(\"]")
                                   << QStringLiteral("a string is not valid UTF-8 at byte 5");
        QTest::newRow("bad UTF-8 before an escape") // found by fuzz_json
            << QByteArray("[\"caf\xc3(\\n\"]") << QStringLiteral("a string is not valid UTF-8 at byte 2");
        QTest::newRow("UTF-8 outside a string")
            << QByteArray("[\xc3\xa9]") << QStringLiteral("unexpected character at byte 1");
        QTest::newRow("unknown escape")
            << QByteArray("[\"a\\qb\"]") << QStringLiteral("unknown escape in a string at byte 3");
        QTest::newRow("bad \\u") << QByteArray("[\"\\u12G4\"]")
                                 << QStringLiteral("malformed \\u escape in a string at byte 2");
        QTest::newRow("lone low surrogate")
            << QByteArray("[\"a\\udc00b\"]") << QStringLiteral("a lone surrogate in a string at byte 3");
        QTest::newRow("lone high surrogate")
            << QByteArray("[\"a\\ud800b\"]") << QStringLiteral("a lone surrogate in a string at byte 3");
        QTest::newRow("high surrogate, then another escape")
            << QByteArray("[\"\\ud800\\n\"]") << QStringLiteral("a lone surrogate in a string at byte 2");
        QTest::newRow("high surrogate, then bad hex")
            << QByteArray("[\"\\ud800\\u12G4\"]")
            << QStringLiteral("malformed \\u escape in a string at byte 2");
        QTest::newRow("unterminated string")
            << QByteArray("[\"abc") << QStringLiteral("the answer ends early at byte 5");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << QStringLiteral("expected ':' at byte 5");
        QTest::newRow("missing comma")
            << QByteArray("[1 2]") << QStringLiteral("expected ',' or ']' at byte 3");
        QTest::newRow("trailing comma")
            << QByteArray("{\"a\":1,}") << QStringLiteral("expected a member name at byte 7");
        QTest::newRow("bad atom") << QByteArray("[nul]") << QStringLiteral("unexpected character at byte 1");
        QTest::newRow("atom at the end")
            << QByteArray("tru") << QStringLiteral("unexpected character at byte 0");
        QTest::newRow("zero byte") << QByteArray("[1]\0", 4)
                                   << QStringLiteral("unexpected text after the JSON value at byte 3");
        QTest::newRow("only spaces") << QByteArray(" \n\t ")
                                     << QStringLiteral("the answer is empty at byte 4");
        QTest::newRow("truncated") << QByteArray("{\"a\":[1,")
                                   << QStringLiteral("the answer ends early at byte 8");
    }
    void malformedJsonSaysWhatAndWhere() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!Json::Document::parse(json, &error));
        QCOMPARE(error, QStringLiteral("invalid JSON: ") + expected);
    }

    // Whitespace anywhere between tokens; scalars as the root; a number that ends the input.
    void whitespaceAndScalarRoots() {
        auto doc =
            Json::Document::parse(" \r\n\t{ \"a\" :\t[ 1 , true ,false, null ,\"s\" ] ,\"b\":{ } }\n ");
        QVERIFY(doc);
        const Json::Value a = doc->root()["a"];
        QCOMPARE(a.size(), 5u);
        QList<Json::Type> types;
        for (const Json::Value e : a.elements())
            types << e.type();
        QCOMPARE(types, (QList<Json::Type>{Json::Type::Number, Json::Type::Bool, Json::Type::Bool,
                                           Json::Type::Null, Json::Type::String}));
        QCOMPARE(doc->root()["b"].size(), 0u);
        QCOMPARE(Json::Document::parse("-12345678901234567890123")->root().numberText(),
                 std::string_view("-12345678901234567890123"));
        QCOMPARE(Json::Document::parse(" 0 ")->root().numberText(), std::string_view("0"));
        QVERIFY(Json::Document::parse("true")->root().toBool());
        QVERIFY(Json::Document::parse("null")->root().isNull());
        QCOMPARE(Json::Document::parse("\"x\"")->root().toString(), QStringLiteral("x"));
    }

    // The number grammar (RFC 8259) is checked on every number.
    void numberSyntaxIsChecked() {
        for (const char *good : {"[0]", "[-0]", "[1234567890123456789012345]", "[1.5]", "[-0.0000000001]",
                                 "[12345678901234567890.12345678901234567890e+12345678]", "[1E-7]"})
            QVERIFY2(Json::Document::parse(good).has_value(), good);
        for (const char *bad : {"[01]", "[-]", "[1.]", "[.5]", "[1e]", "[1e+]", "[123456789.e5]", "[-a]",
                                "[1234567890123456a]"})
            QVERIFY2(!Json::Document::parse(bad).has_value(), bad);
    }

    // Repeated strings are handed out from a table that outlives every decode and thread: they
    // compare and hash as text, a changed copy leaves the others alone, and they are null-terminated.
    void repeatedStringsAreSharedText() {
        QList<QString> fromThread;
        bool decoded = true;
        QThread *thread = QThread::create([&fromThread, &decoded] {
            for (int i = 0; i < 4; ++i) {
                QList<QString> read;
                decoded &=
                    Json::decode(QByteArray(R"(["users:thread:1","USD/2","users:thread:1"])"), read).ok;
                fromThread += read;
            }
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread; // its caches are gone; what it read must not be
        QVERIFY(decoded);
        QCOMPARE(fromThread.size(), 12);
        for (int i = 0; i < fromThread.size(); i += 3) {
            QCOMPARE(fromThread[i], QStringLiteral("users:thread:1"));
            QCOMPARE(fromThread[i + 1], QStringLiteral("USD/2"));
        }

        QList<QString> first, again;
        const QByteArray json = R"(["merchants:acme","caf\u00e9","merchants:acme","x"])";
        QVERIFY(Json::decode(json, first).ok);
        for (int i = 0; i < 3; ++i) // by the last read, "merchants:acme" is in the permanent table
            QVERIFY(Json::decode(json, again).ok);
        QVERIFY2(permanent(again[0]), "a string read eight times comes from the table");
        QVERIFY2(!permanent(first[0]), "a string read once or twice stays an ordinary string");
        QCOMPARE(again, first);
        QCOMPARE(again[1], QStringLiteral("caf\u00e9"));
        QCOMPARE(qHash(again[0]), qHash(QStringLiteral("merchants:acme")));
        QString changed = again[0];
        changed.append(QStringLiteral(":main"));
        changed[0] = u'M';
        QCOMPARE(changed, QStringLiteral("Merchants:acme:main"));
        QCOMPARE(again[0], QStringLiteral("merchants:acme"));
        QCOMPARE(first[2], QStringLiteral("merchants:acme"));
        const char16_t *text = reinterpret_cast<const char16_t *>(again[0].utf16());
        QCOMPARE(text[again[0].size()], u'\0');
        QCOMPARE(QString::fromUtf16(text), QStringLiteral("merchants:acme"));
    }

    void bigIntRejectsJunk() {
        for (const char *bad : {"", "-", "+1", "1.5", "1e3", " 1", "12a", "--1"})
            QVERIFY2(!BigInt::fromString(std::string_view(bad)), bad);
    }

    void bigIntArithmeticCrossesSixtyFourBits() {
        const BigInt max = *BigInt::fromString("9223372036854775807");
        const BigInt sum = max + BigInt(1);
        QCOMPARE(sum.toString(), QStringLiteral("9223372036854775808"));
        QVERIFY(!sum.fitsInt64());
        QCOMPARE((sum - BigInt(1)), max);
        QVERIFY((sum - BigInt(1)).fitsInt64());
        const BigInt twoTo128 = *BigInt::fromString("340282366920938463463374607431768211456");
        QCOMPARE((*BigInt::fromString("18446744073709551616") * *BigInt::fromString("18446744073709551616")),
                 twoTo128);
        QVERIFY(-twoTo128 < BigInt(0));
        QVERIFY(BigInt(-5) < BigInt(3));
        QVERIFY(twoTo128 > max);
        QCOMPARE((-*BigInt::fromString("-9223372036854775808")).toString(),
                 QStringLiteral("9223372036854775808"));
    }

    void moneyFormat_data() {
        QTest::addColumn<QString>("minor");
        QTest::addColumn<QString>("asset");
        QTest::addColumn<QString>("text");
        QTest::newRow("USD/2") << "12345"
                               << "USD/2"
                               << "123.45";
        QTest::newRow("cents") << "5"
                               << "USD/2"
                               << "0.05";
        QTest::newRow("negative") << "-5"
                                  << "EUR/2"
                                  << "-0.05";
        QTest::newRow("JPY") << "1200"
                             << "JPY"
                             << "1200";
        QTest::newRow("ETH/18") << "1000000000000000001"
                                << "ETH/18"
                                << "1.000000000000000001";
        QTest::newRow("huge") << "340282366920938463463374607431768211457"
                              << "USD/2"
                              << "3402823669209384634633746074317682114.57";
    }
    void moneyFormat() {
        QFETCH(QString, minor);
        QFETCH(QString, asset);
        QFETCH(QString, text);
        QCOMPARE(Money::format(*BigInt::fromString(minor), asset), text);
        const auto parsed = Money::parse(text, asset);
        QVERIFY2(parsed.value, qPrintable(parsed.error));
        QCOMPARE(parsed.value->toString(), minor);
    }

    void moneyParseRefusesRoundingAndJunk() {
        auto tooPrecise = Money::parse(QStringLiteral("1.234"), QStringLiteral("USD/2"));
        QVERIFY(!tooPrecise.value);
        QVERIFY(tooPrecise.error.contains(QStringLiteral("at most 2 decimals")));
        QVERIFY(!Money::parse(QStringLiteral("1.5"), QStringLiteral("JPY")).value);
        QVERIFY(!Money::parse(QStringLiteral("12abc"), QStringLiteral("USD/2")).value);
        QVERIFY(!Money::parse(QStringLiteral(""), QStringLiteral("USD/2")).value);
        QVERIFY(!Money::parse(QStringLiteral("1."), QStringLiteral("USD/2")).value);
        QCOMPARE(Money::parse(QStringLiteral(" 1,234.5 "), QStringLiteral("USD/2")).value->toString(),
                 QStringLiteral("123450"));
        QCOMPARE(Money::parse(QStringLiteral(".5"), QStringLiteral("USD/2")).value->toString(),
                 QStringLiteral("50"));
        QCOMPARE(Money::parse(QStringLiteral("12,345,678.90"), QStringLiteral("USD/2")).value->toString(),
                 QStringLiteral("1234567890"));
        // A decimal comma is not a thousands separator: "12,34" must not become 1234.00.
        for (const char *text : {"12,34", "1,2", "1,2345", ",123", "1,234.5,6", "1,,234"}) {
            const auto refused = Money::parse(QString::fromLatin1(text), QStringLiteral("EUR/2"));
            QVERIFY2(!refused.value, text);
            QVERIFY2(refused.error.contains(QStringLiteral("comma")), qPrintable(refused.error));
        }
    }

    void timestampKeepsMicroseconds() {
        const auto t = Timestamp::parse(QStringLiteral("2024-11-13T10:20:30.123456Z"));
        QVERIFY(t);
        QCOMPARE(t->nanos(), 123456000);
        QCOMPARE(t->toString(), QStringLiteral("2024-11-13T10:20:30.123456Z"));
        const auto offset = Timestamp::parse(QStringLiteral("2024-11-13T12:20:30.123456789+02:00"));
        QVERIFY(offset);
        QCOMPARE(offset->toString(), QStringLiteral("2024-11-13T10:20:30.123456789Z"));
        QVERIFY(*t < *offset);
        QVERIFY(!Timestamp::parse(QStringLiteral("2024-13-01T00:00:00Z")));
        QVERIFY(!Timestamp::parse(QStringLiteral("yesterday")));
        QCOMPARE(Timestamp::parse(QStringLiteral("1969-12-31T23:59:59.5Z"))->toString(),
                 QStringLiteral("1969-12-31T23:59:59.500Z"));
    }

    void jsonRoundTripsBigNumbersExactly() {
        const QByteArray json =
            R"({"data":[{"source":"world","destination":"users:1","amount":340282366920938463463374607431768211457,"asset":"USD/2","at":"2024-11-13T10:20:30.123456Z"},{"source":"users:1","destination":"world","amount":-1180591620717411303424,"asset":"ETH/18"}],"balances":{"USD/2":18446744073709551616}})";
        Page page;
        const auto r = Json::decode(json, page);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(page.data.size(), 2);
        QCOMPARE(page.data[0].amount.toString(), QStringLiteral("340282366920938463463374607431768211457"));
        QCOMPARE(page.data[1].amount.toString(), QStringLiteral("-1180591620717411303424"));
        QCOMPARE(page.data[0].at->toString(), QStringLiteral("2024-11-13T10:20:30.123456Z"));
        QCOMPARE(Json::encode(page), json);
    }

    void jsonErrorsNameThePath() {
        Page page;
        auto r = Json::decode(
            R"({"data":[{"source":"a","destination":"b","amount":1,"asset":"X"},{"source":"a","destination":"b","amount":"12.5","asset":"X"}]})",
            page);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("$.data[1].amount:")), qPrintable(r.error));
        r = Json::decode(R"({"data":[{"source":"a","amount":1,"asset":"X"}]})", page);
        QVERIFY2(r.error.contains(QStringLiteral("$.data[0].destination: required property is missing")),
                 qPrintable(r.error));
        r = Json::decode(R"({"data":[{"source":5,"destination":"b","amount":1,"asset":"X"}]})", page);
        QVERIFY2(r.error.contains(QStringLiteral("$.data[0].source: expected a string, got the number 5")),
                 qPrintable(r.error));
    }

    void jsonToleratesUnknownFields() {
        Posting p;
        const auto r = Json::decode(
            R"({"source":"a","destination":"b","amount":7,"asset":"X","extra":{"deep":[1,2,{"x":null}]}})",
            p);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(p.amount, BigInt(7));
    }

    void jsonRejectsMalformedInput_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("truncated") << QByteArray(R"({"a":[1,2)");
        QTest::newRow("trailing") << QByteArray(R"({"a":1} x)");
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
        QTest::newRow("bad number") << QByteArray(R"({"a":01})");
        QTest::newRow("empty") << QByteArray();
        // Hostile nesting: refused cleanly, before the recursion can exhaust the stack.
        QTest::newRow("3000 deep") << QByteArray(3000, '[') + QByteArray(3000, ']');
        QTest::newRow("300 deep objects") << QByteArray()
                                                 .fill(' ', 0)
                                                 .append(QByteArray("{\"a\":").repeated(300))
                                                 .append("1")
                                                 .append(QByteArray(300, '}'));
    }
    void jsonRejectsMalformedInput() {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!Json::Document::parse(json, &error));
        QVERIFY(error.startsWith(QStringLiteral("invalid JSON")));
    }

    void jsonWriterEscapes() {
        Json::Writer w;
        w.beginObject();
        w.key("k\"ey");
        w.value(QStringLiteral("line\nbreak \"quoted\" \\ tab\t \x01 é"));
        w.endObject();
        QCOMPARE(w.data(),
                 QByteArray("{\"k\\\"ey\":\"line\\nbreak \\\"quoted\\\" \\\\ tab\\t \\u0001 \xc3\xa9\"}"));
        auto doc = Json::Document::parse(w.data());
        QVERIFY(doc);
        QCOMPARE(doc->root()["k\"ey"].toString(), QStringLiteral("line\nbreak \"quoted\" \\ tab\t \x01 é"));
    }

    // Containers keep their source text (what a JSON Lines export passes on), whitespace included.
    void containersKeepTheirSourceText() {
        const QByteArray json = "{\"data\":[ {\"a\":1} ,{\"b\":[1, 2],\"s\":\"}\\\"]\"}\n], \"n\":{}}";
        auto doc = Json::Document::parse(json);
        QVERIFY(doc);
        QCOMPARE(doc->root().sourceText(), std::string_view(json.constData(), json.size()));
        const Json::Value data = doc->root()["data"];
        QCOMPARE(data.sourceText(), std::string_view("[ {\"a\":1} ,{\"b\":[1, 2],\"s\":\"}\\\"]\"}\n]"));
        QList<Json::Value> items;
        for (const Json::Value e : data.elements())
            items << e;
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].sourceText(), std::string_view("{\"a\":1}"));
        QCOMPARE(items[1].sourceText(), std::string_view("{\"b\":[1, 2],\"s\":\"}\\\"]\"}"));
        QCOMPARE(items[1]["b"].sourceText(), std::string_view("[1, 2]"));
        QVERIFY(items[1]["s"].sourceText().empty()); // a string: its unescaped value is not source
        QCOMPARE(doc->root()["n"].sourceText(), std::string_view("{}"));
        QVERIFY(Json::Value().sourceText().empty());
    }

    // QString values and keys are written without a UTF-8 copy when ASCII; the rest (from the first
    // character needing more) through QString's encoder: the same bytes either way.
    void jsonWriterQStringAsUtf8() {
        const QString texts[] = {QString(),
                                 QStringLiteral("plain"),
                                 QString::fromUtf8("caf\u00e9 au lait"),
                                 QString::fromUtf8("\U0001F600 then \"quote\""),
                                 QString(QChar(0xD800)) + u'x',
                                 QStringLiteral("users:001\x7f")};
        for (const QString &t : texts) {
            Json::Writer viaQString;
            viaQString.beginObject();
            viaQString.key(t);
            viaQString.value(t);
            viaQString.endObject();
            const QByteArray utf8 = t.toUtf8();
            const std::string_view view(utf8.constData(), size_t(utf8.size()));
            Json::Writer viaUtf8;
            viaUtf8.beginObject();
            viaUtf8.key(view);
            viaUtf8.value(view);
            viaUtf8.endObject();
            QCOMPARE(viaQString.data(), viaUtf8.data());
        }
    }

    // Separators past the 64 levels a writer tracks inline.
    void jsonWriterDeepNesting() {
        Json::Writer w;
        QByteArray want;
        for (int depth = 0; depth < 100; ++depth) {
            w.beginArray();
            w.value(depth);
            want += (depth > 0 ? "," : "") + QByteArray("[") + QByteArray::number(depth);
        }
        for (int depth = 99; depth >= 0; --depth) {
            w.endArray();
            want += ']';
            if (depth > 0) {
                w.value(-depth);
                want += ',' + QByteArray::number(-depth);
            }
        }
        QCOMPARE(w.data(), want);
        QVERIFY(Json::Document::parse(w.data()));
    }

    void anyKeepsExactText() {
        auto doc =
            Json::Document::parse(R"({"meta":{"n":123456789012345678901234567890,"s":"x","a":[true,null]}})");
        QVERIFY(doc);
        Json::Any any;
        Json::DecodeContext ctx;
        QVERIFY(Json::read(doc->root()["meta"], any, ctx));
        QCOMPARE(any.json(), QByteArray(R"({"n":123456789012345678901234567890,"s":"x","a":[true,null]})"));
    }
    // Past the table's bound (16 MB with its index) strings are shared the ordinary way: every
    // value stays right. Fills the process-wide table, so it runs after the tests above.
    void stringsPastTheTableBoundStayRight() {
        constexpr int kDistinct = 120000; // about 22 MB of table if each got in
        constexpr int kRepeats = 6;       // in a row: each takes its cache slot, then the table
        QByteArray json = "[";
        json.reserve(kDistinct * kRepeats * 36);
        for (int i = 0; i < kDistinct; ++i)
            for (int k = 0; k < kRepeats; ++k)
                json += "\"account:with:a:long:name:" + QByteArray::number(i) + "\",";
        json += "\"last\"]";
        QList<QString> firstRound;
        for (int round = 0; round < 2; ++round) {
            QList<QString> read;
            const auto r = Json::decode(json, read);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(read.size(), kRepeats * kDistinct + 1);
            if (round == 0)
                firstRound = read;
            for (int i = 0; i < kDistinct; i += 997) {
                const QString expected = QStringLiteral("account:with:a:long:name:%1").arg(i);
                for (int k = 0; k < kRepeats; ++k)
                    QCOMPARE(read[kRepeats * i + k], expected);
            }
            QCOMPARE(read.back(), QStringLiteral("last"));
        }
        // The first strings filled the table; the last ones found it full.
        QVERIFY(permanent(firstRound[kRepeats - 1]));
        QVERIFY(!permanent(firstRound[kRepeats * (kDistinct - 1) + kRepeats - 1]));
    }
};

QTEST_GUILESS_MAIN(TestExactValues)
#include "tst_exact_values.moc"
