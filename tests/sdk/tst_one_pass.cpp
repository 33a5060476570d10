// The one-pass reader (Json::Reader, what decodeJsonResponse uses) against the tree readers: the
// same models from the same text, and every text one refuses the other refuses too, with the
// tree's error.
#include <Formance/models/GetWalletSummaryResponse.h>
#include <Formance/models/Readers.h>
#include <Formance/models/V2LogsCursorResponse.h>
#include <Formance/models/V2TransactionsCursorResponse.h>
#include <Formance/models/WorkflowInstanceHistory.h>

#include <QElapsedTimer>
#include <QTest>

using namespace Formance;

namespace {

// One transaction of a ledger v2 page, its sizes and oddities chosen by `i`.
QByteArray transaction(int i) {
    const int postings = 1 + i % 6; // across the four elements a list keeps before it allocates
    QByteArray t = "{\"id\":" + QByteArray::number(i) + ",\"timestamp\":\"2025-05-31T23:59:59.836841Z\",";
    t += "\"postings\":[";
    for (int p = 0; p < postings; ++p) {
        if (p)
            t += ',';
        const QByteArray amount = p == 1 && i % 3 == 0 ? "\"55340232221128667193\"" // past 2^64, as a string
                                  : p == 2             ? "184467440737095516160000" // past 2^64, as a number
                                                       : QByteArray::number(1000 * i + p);
        t += "{\"source\":\"world\",\"destination\":\"users:" + QByteArray::number(p) +
             "\",\"amount\":" + amount + ",\"asset\":\"USD/2\"}";
    }
    t += "],\"metadata\":{";
    for (int m = 0; m < i % 7; ++m) // 0 to 6 entries
        t += (m ? "," : "") + QByteArray("\"k") + QByteArray::number(m) + "\":\"v\\u00e9\\n\\\"" +
             QByteArray::number(m) + "\"";
    t += "},\"reverted\":" + QByteArray(i % 2 ? "true" : "false");
    if (i % 4 == 1)
        t += ",\"reference\":null,\"revertedAt\":null";
    if (i % 4 == 2)
        t += ",\"reference\":\"r\\ud83d\\ude00" + QByteArray::number(i) + "\"";
    // volumes for 1 to 6 accounts with 1 to 2 assets
    t += ",\"postCommitVolumes\":{";
    for (int a = 0; a < 1 + i % 6; ++a) {
        t += (a ? "," : "") + QByteArray("\"users:") + QByteArray::number(a) +
             "\":{\"USD/2\":{\"input\":" + QByteArray::number(a * 7) + ",\"output\":-" +
             QByteArray::number(a) + ",\"balance\":" + QByteArray::number(a * 6) + "}";
        if (a % 2)
            t += ",\"EUR/2\":{\"output\":0,\"input\":99999999999999999999999}"; // other order, no balance
        t += "}";
    }
    t += "}";
    if (i % 5 == 3) // members it does not know, a repeated one (the first counts), keys with escapes
        t += ",\"unknown\":{\"deep\":[1,2,{\"x\":null}],\"s\":\"\\\"\"},\"id\":77,\"rever\\u0074ed\":true";
    t += "}";
    return t;
}

QByteArray page(int n, bool spaced = false) {
    QByteArray items;
    for (int i = 0; i < n; ++i)
        items += (i ? "," : "") + transaction(i);
    QByteArray body = "{\"cursor\":{\"pageSize\":" + QByteArray::number(n) +
                      ",\"hasMore\":true,\"next\":\"abc\",\"data\":[" + items + "]}}";
    if (spaced) { // whitespace between every token
        QByteArray out;
        bool inString = false;
        for (qsizetype k = 0; k < body.size(); ++k) {
            const char c = body[k];
            out += c;
            if (c == '"' && (k == 0 || body[k - 1] != '\\'))
                inString = !inString;
            if (!inString && (c == ',' || c == ':' || c == '{' || c == '[' || c == '}' || c == ']'))
                out += " \n\t ";
        }
        body = "\r\n " + out + " \n";
    }
    return body;
}

// `json` with room after it, as an answer's body has (the transport reserves its declared length
// plus Reader::kInPlaceSlack), and quotes, backslashes and digits past its terminating zero: the
// one pass reads it where it is and must not be misled by what follows.
QByteArray withRoomAfter(const QByteArray &json) {
    QByteArray b;
    b.reserve(json.size() + 64);
    b = json;
    b.detach();
    b.reserve(json.size() + 64);
    b.resize(json.size() + 64, '"');
    for (qsizetype k = json.size(); k < b.size(); k += 3)
        b[k] = k % 2 ? '\\' : '7';
    b.resize(json.size());
    return b;
}

// Both ways: the one pass takes the text, and gives what the tree gives.
template <class T> void sameBothWays(const QByteArray &json) {
    T fast{};
    QVERIFY2(Json::readOnePass(json, fast), json.left(200).constData());
    T inPlace{};
    QVERIFY(Json::readOnePass(withRoomAfter(json), inPlace));
    QVERIFY(inPlace == fast);
    T copied{}; // no room after it: read from a padded copy
    QVERIFY(Json::readOnePass(QByteArray::fromRawData(json.constData(), json.size()), copied));
    QVERIFY(copied == fast);
    T tree{};
    const Json::DecodeResult r = Json::decode(json, tree);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(fast == tree);
}

// Both refuse it, and decodeOnePass says what the tree says.
template <class T> void refusedBothWays(const QByteArray &json) {
    T fast{};
    QVERIFY2(!Json::readOnePass(json, fast), json.left(200).constData());
    T inPlace{};
    QVERIFY(!Json::readOnePass(withRoomAfter(json), inPlace));
    T tree{};
    const Json::DecodeResult r = Json::decode(json, tree);
    QVERIFY2(!r.ok, json.left(200).constData());
    T again{};
    const Json::DecodeResult one = Json::decodeOnePass(json, again);
    QVERIFY(!one.ok);
    QCOMPARE(one.error, r.error);
}

} // namespace

class TestOnePass : public QObject {
    Q_OBJECT
private slots:
    // CTest runs two suites at once on two cores: a split thread at idle priority might then
    // never run, and the tests of the two-thread path need it to.
    void initTestCase() { Json::Detail::ArraySplit::setThreadIdle(false); }

    void pagesReadTheSameBothWays_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("spaced");
        for (int n : {0, 1, 3, 4, 5, 8, 37, 300})
            for (bool spaced : {false, true})
                QTest::addRow("%d transactions%s", n, spaced ? ", spaced" : "") << n << spaced;
    }
    void pagesReadTheSameBothWays() {
        QFETCH(int, count);
        QFETCH(bool, spaced);
        const QByteArray json = page(count, spaced);
        sameBothWays<Models::V2TransactionsCursorResponse>(json);
        Models::V2TransactionsCursorResponse out;
        QVERIFY(Json::readOnePass(json, out));
        QCOMPARE(out.cursor.data.size(), count);
        if (count > 3) {
            const Models::V2ExpandedTransaction &t = out.cursor.data[3]; // the one with extra members
            QCOMPARE(t.id, BigInt(3));                                   // not the repeated 77
            QCOMPARE(t.postings.size(), 4);
            QCOMPARE(t.postings[1].amount.toString(), QStringLiteral("55340232221128667193"));
            QCOMPARE(t.postings[2].amount.toString(), QStringLiteral("184467440737095516160000"));
            QCOMPARE(t.metadata.value(QStringLiteral("k2")), QStringLiteral("v\u00e9\n\"2"));
            QVERIFY(t.reverted); // "rever\u0074ed" is "reverted" once unescaped, and came first
        }
        if (count > 2)
            QCOMPARE(out.cursor.data[2].reference,
                     std::optional<QString>(QStringLiteral("r\U0001F600") + "2"));
    }

    // After a long list the next lists of that type reserve its length: shorter and longer ones
    // still come out whole.
    void listsOfEveryLengthInTurn() {
        for (int n : {300, 5, 301, 6, 1200, 2, 0, 9})
            sameBothWays<Models::V2TransactionsCursorResponse>(page(n));
    }

    void refusalsAreTheTrees_data() {
        QTest::addColumn<QByteArray>("json");
        const QByteArray good = page(6);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("spaces only") << QByteArray(" \n");
        QTest::newRow("cut short") << good.left(good.size() / 2);
        QTest::newRow("text after") << good + "x";
        QTest::newRow("two values") << good + good;
        QTest::newRow("a zero byte after") << good + QByteArray(1, '\0');
        QByteArray bad = good;
        QTest::newRow("a fraction as an amount")
            << QByteArray(bad).replace("\"amount\":1000,", "\"amount\":1000.5,");
        QTest::newRow("an exponent as an amount")
            << QByteArray(bad).replace("\"amount\":1000,", "\"amount\":1e3,");
        QTest::newRow("a leading zero") << QByteArray(bad).replace("\"amount\":1000,", "\"amount\":01000,");
        QTest::newRow("digits and letters")
            << QByteArray(bad).replace("\"amount\":1000,", "\"amount\":\"12a\",");
        QTest::newRow("a missing asset") << QByteArray(bad).replace(",\"asset\":\"USD/2\"}", "}");
        QTest::newRow("a null asset") << QByteArray(bad).replace("\"asset\":\"USD/2\"", "\"asset\":null");
        QTest::newRow("a number for a string")
            << QByteArray(bad).replace("\"source\":\"world\"", "\"source\":5");
        QTest::newRow("a bad date") << QByteArray(bad).replace("2025-05-31T23", "2025-05-32T23");
        QTest::newRow("a trailing comma") << QByteArray(bad).replace("}]}}", "},]}}");
        QTest::newRow("a missing colon") << QByteArray(bad).replace("\"hasMore\":", "\"hasMore\"");
        QTest::newRow("a lone surrogate") << QByteArray(bad).replace("\\u00e9", "\\ud800");
        QTest::newRow("an unknown escape") << QByteArray(bad).replace("\\u00e9", "\\q");
        QTest::newRow("invalid UTF-8") << QByteArray(bad).replace("world", "w\xC3\x28rld");
        QTest::newRow("a control character") << QByteArray(bad).replace("world", "wo\x01rld");
        QTest::newRow("true misspelt") << QByteArray(bad).replace("\"reverted\":true", "\"reverted\":tru");
        QTest::newRow("not an object") << QByteArray("[1,2]");
        QTest::newRow("a null cursor") << QByteArray("{\"cursor\":null}");
        QTest::newRow("a number past 2^64 for a page size")
            << QByteArray(bad).replace("\"pageSize\":6", "\"pageSize\":99999999999999999999");
        // nested past the limit inside a member the model does not know: skipped, yet refused
        QTest::newRow("nested too deep") << QByteArray(bad).replace(
            "{\"cursor\":", "{\"x\":" + QByteArray(300, '[') + QByteArray(300, ']') + ",\"cursor\":");
    }
    void refusalsAreTheTrees() {
        QFETCH(QByteArray, json);
        QVERIFY(json != page(6)); // each row changes the page
        refusedBothWays<Models::V2TransactionsCursorResponse>(json);
    }

    // Free-form values (Any), enums, unions (read through the tree of their own text) and an
    // envelope (the value wrapped in `data`, or not).
    void otherKindsOfMember() {
        sameBothWays<Models::V2LogsCursorResponse>(
            "{\"cursor\":{\"pageSize\":2,\"hasMore\":false,\"data\":[{\"id\":1,\"type\":\"NEW_TRANSACTION\","
            "\"data\":{\"a\": [1, 2.50, 184467440737095516160000], \"b\":\"\\u00e9\"},\"hash\":\"h\","
            "\"date\":\"2025-01-01T00:00:00Z\"},{\"id\":2,\"type\":\"SOMETHING_NEWER\",\"data\":null,"
            "\"hash\":\"\",\"date\":\"2025-01-01T00:00:00.5Z\"}]}}");
        Models::V2LogsCursorResponse logs;
        QVERIFY(
            Json::readOnePass(QByteArray("{\"cursor\":{\"pageSize\":1,\"hasMore\":false,\"data\":[{\"id\":1,"
                                         "\"type\":\"SET_METADATA\",\"data\":{\"n\": 2.50},\"hash\":\"h\","
                                         "\"date\":\"2025-01-01T00:00:00Z\"}]}}"),
                              logs));
        QCOMPARE(logs.cursor.data[0].data.json(), QByteArray("{\"n\":2.50}")); // compact, exact
        QCOMPARE(logs.cursor.data[0].type.toString(), QStringLiteral("SET_METADATA"));

        sameBothWays<Models::WorkflowInstanceHistory>(
            "{\"name\":\"delay\",\"input\":{\"duration\":\"1m\"},\"terminated\":true,"
            "\"startedAt\":\"2025-01-01T00:00:00Z\"}");
        refusedBothWays<Models::WorkflowInstanceHistory>(
            "{\"name\":\"delay\",\"input\":{\"duration\":\"1m\"},\"terminated\":true}");

        sameBothWays<Models::GetWalletSummaryResponse>(
            "{\"data\":{\"balances\":[],\"availableFunds\":{},\"expiredFunds\":{},\"expirableFunds\":{},"
            "\"holdFunds\":{}}}");
        sameBothWays<Models::GetWalletSummaryResponse>(
            "{\"balances\":[],\"availableFunds\":{\"USD\":5},\"expiredFunds\":{},\"expirableFunds\":{},"
            "\"holdFunds\":{}}");
    }

    // Asked for two threads, a long array is read by this thread from its start and by the split
    // thread from its middle: the same models, in the same order, every time; and a refusal in
    // either half is still the tree's. The split thread runs at idle priority, so on a busy machine
    // it may take many tries before it claims a back.
    void longArraysReadByTwoThreads() {
        const QByteArray json = page(1500); // about 1 MB: past Detail::kSplitBytes
        QVERIFY(json.size() > 2 * Json::Detail::kSplitBytes);
        Models::V2TransactionsCursorResponse single;
        QVERIFY(Json::readOnePass(json, single));
        const bool wasParallel = Json::parallelDecoding();
        Json::setParallelDecoding(true);
        const int before = Json::Detail::ArraySplit::taken();
        bool same = true;
        QElapsedTimer timer;
        timer.start();
        for (int run = 0;
             same && (run < 40 || (Json::Detail::ArraySplit::taken() == before && timer.elapsed() < 30'000));
             ++run) {
            Models::V2TransactionsCursorResponse split;
            same = Json::readOnePass(json, split) && split == single;
        }
        const int taken = Json::Detail::ArraySplit::taken() - before;
        const qsizetype middle = json.size() / 2;
        QByteArray badFront = json, badBack = json;
        badFront.replace(json.indexOf("\"asset\":\"USD/2\"", 1000), 15, "\"asset\":   7  ");
        badBack.replace(json.indexOf("\"asset\":\"USD/2\"", middle + middle / 2), 15, "\"asset\":   7  ");
        Models::V2TransactionsCursorResponse front, back;
        const bool frontRead = Json::readOnePass(badFront, front);
        const bool backRead = Json::readOnePass(badBack, back);
        Models::V2TransactionsCursorResponse tree;
        const Json::DecodeResult frontError = Json::decodeOnePass(badBack, tree);
        Json::setParallelDecoding(wasParallel);
        QVERIFY(same);
        QVERIFY2(taken > 0, "the split thread read the back half at least once");
        QVERIFY(!frontRead);
        QVERIFY(!backRead);
        QVERIFY(!frontError.ok);
        QCOMPARE(frontError.error, Json::decode(badBack, tree).error);
    }

    // Each transaction opens with an unknown member named as a posting's first one, so the text
    // at a boundary between transactions (`,{"source":`) also occurs between postings: the cut,
    // found from the middle, is often between postings. The front passes such a claim and reads
    // on alone; nothing changes. Pages of several lengths put the middle in different places.
    void wrongGuessesOfTheBackAreDropped() {
        QList<QByteArray> pages;
        QList<Models::V2TransactionsCursorResponse> singles;
        for (int n = 1400; n < 1416; ++n) {
            pages << page(n).replace("{\"id\":", "{\"source\":\"x\",\"id\":");
            QVERIFY(Json::readOnePass(pages.last(), singles.emplace_back()));
            QCOMPARE(singles.last().cursor.data.size(), n);
        }
        const bool wasParallel = Json::parallelDecoding();
        Json::setParallelDecoding(true);
        const int passedBefore = Json::Detail::ArraySplit::passed();
        const int takenBefore = Json::Detail::ArraySplit::taken();
        const auto passed = [&] { return Json::Detail::ArraySplit::passed() - passedBefore; };
        const auto taken = [&] { return Json::Detail::ArraySplit::taken() - takenBefore; };
        bool same = true;
        QElapsedTimer timer;
        timer.start();
        for (int run = 0; same && (run < 4 || ((passed() == 0 || taken() == 0) && timer.elapsed() < 30'000));
             ++run) {
            for (qsizetype k = 0; k < pages.size() && same; ++k) {
                Models::V2TransactionsCursorResponse split;
                same = Json::readOnePass(pages[k], split) && split == singles[k];
            }
        }
        Json::setParallelDecoding(wasParallel);
        QVERIFY(same);
        QVERIFY2(passed() > 0, "the front passed a wrong claim at least once");
        QVERIFY2(taken() > 0, "and took the back's list at least once");
    }
};

QTEST_GUILESS_MAIN(TestOnePass)
#include "tst_one_pass.moc"
