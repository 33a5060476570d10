// FlatMap, the generated models' map: QMap's meaning (sorted keys, insert replaces, `*it` is the
// value) on one array, and decoding that sorts what arrives unsorted and keeps a repeated key's
// last value, as QMap::insert did.
#include <Formance/FlatMap.h>
#include <Formance/json/JsonCodec.h>

#include <QTest>

using namespace Formance;

class TestFlatMap : public QObject {
    Q_OBJECT
private slots:
    void behavesLikeQMap() {
        FlatMap<QString, int> m;
        QVERIFY(m.isEmpty());
        m.insert(QStringLiteral("b"), 2);
        m.insert(QStringLiteral("a"), 1);
        m[QStringLiteral("c")] = 3;
        m.insert(QStringLiteral("b"), 20); // replaces
        QCOMPARE(m.size(), 3);
        QCOMPARE(m.keys(), (QList<QString>{"a", "b", "c"}));
        QCOMPARE(m.values(), (QList<int>{1, 20, 3}));
        QCOMPARE(m.value(QStringLiteral("b")), 20);
        QCOMPARE(m.value(QStringLiteral("zz"), -1), -1);
        QVERIFY(m.contains(QStringLiteral("c")));
        QVERIFY(m.constFind(QStringLiteral("d")) == m.cend());
        QCOMPARE(m.remove(QStringLiteral("a")), 1);
        QCOMPARE(m.remove(QStringLiteral("a")), 0);
        int sum = 0;
        for (int v : m) // values, as QMap iterates
            sum += v;
        QCOMPARE(sum, 23);
        QStringList seen;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            seen << it.key() + QLatin1Char('=') + QString::number(it.value());
        QCOMPARE(seen, (QStringList{"b=20", "c=3"}));

        const QMap<QString, int> q = m; // converts both ways, same content
        QCOMPARE(q.keys(), m.keys());
        const FlatMap<QString, int> back(q);
        QVERIFY(back == m);
    }

    // One entry lives inline, two or more in the list: every operation gives the same answers
    // across that boundary, and a map is equal to another of the same content in either form.
    void oneEntryInlineAndTheMoveToTheList() {
        FlatMap<QString, QString> m;
        m.insert(QStringLiteral("m"), QStringLiteral("1"));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.firstKey(), QStringLiteral("m"));
        QCOMPARE(m.lastKey(), QStringLiteral("m"));
        FlatMap<QString, QString> copy = m; // the inline entry is copied, not shared
        copy[QStringLiteral("m")] = QStringLiteral("changed");
        QCOMPARE(m.value(QStringLiteral("m")), QStringLiteral("1"));
        m.insert(QStringLiteral("a"), QStringLiteral("0")); // before the inline one
        m.insert(QStringLiteral("z"), QStringLiteral("2"));
        QCOMPARE(m.keys(), (QList<QString>{"a", "m", "z"}));
        QCOMPARE(m.value(QStringLiteral("m")), QStringLiteral("1"));
        QCOMPARE(m.remove(QStringLiteral("a")), 1);
        QCOMPARE(m.remove(QStringLiteral("z")), 1);
        QCOMPARE(m.keys(), (QList<QString>{"m"})); // one left, in the list now

        FlatMap<QString, QString> one;
        one.insert(QStringLiteral("m"), QStringLiteral("1"));
        QVERIFY(one == m && m == one);
        QVERIFY(!(one == copy));
        QVERIFY((QMap<QString, QString>(one) == QMap<QString, QString>(m)));

        auto it = one.find(QStringLiteral("m"));
        QVERIFY(it != one.end());
        *it = QStringLiteral("edited");
        QCOMPARE(one.value(QStringLiteral("m")), QStringLiteral("edited"));
        QVERIFY(one.find(QStringLiteral("x")) == one.end());
        QCOMPARE(one.take(QStringLiteral("m")), QStringLiteral("edited"));
        QVERIFY(one.isEmpty());
        QVERIFY(one.begin() == one.end());
        one[QStringLiteral("b")] = QStringLiteral("2"); // inline again
        one.erase(one.cbegin());
        QVERIFY(one.isEmpty());

        FlatMap<QString, QString> decoded; // one member decodes inline, and reads back the same
        QVERIFY(Json::decode(QByteArray(R"({"k": "v"})"), decoded).ok);
        QCOMPARE(decoded.value(QStringLiteral("k")), QStringLiteral("v"));
        QCOMPARE(Json::encode(decoded), QByteArray(R"({"k":"v"})"));
        QVERIFY(Json::decode(QByteArray(R"({"k": "w", "a": "b"})"), decoded).ok); // decoded again
        QCOMPARE(decoded.keys(), (QList<QString>{"a", "k"}));
    }

    void decodesSortedWithTheLastOfARepeatedKey() {
        FlatMap<QString, BigInt> m;
        const auto r = Json::decode(QByteArray(R"({"USD/2": 5, "EUR/2": 18446744073709551617, "BTC/8": 1,
                                                   "EUR/2": 7})"),
                                    m);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(m.keys(), (QList<QString>{"BTC/8", "EUR/2", "USD/2"}));
        QCOMPARE(m.value(QStringLiteral("EUR/2")), BigInt(7));
        QCOMPARE(Json::encode(m), QByteArray(R"({"BTC/8":1,"EUR/2":7,"USD/2":5})"));

        FlatMap<QString, BigInt> big;
        QVERIFY(Json::decode(QByteArray(R"({"a": 18446744073709551617})"), big).ok);
        QCOMPARE(big.value(QStringLiteral("a")).toString(), QStringLiteral("18446744073709551617"));
        FlatMap<QString, BigInt> bad;
        const auto fail = Json::decode(QByteArray(R"({"a": 1, "b": "x"})"), bad);
        QVERIFY(!fail.ok);
        QVERIFY2(fail.error.contains(QStringLiteral("$.b")), qPrintable(fail.error));
    }
};

QTEST_GUILESS_MAIN(TestFlatMap)
#include "tst_flat_map.moc"
