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
