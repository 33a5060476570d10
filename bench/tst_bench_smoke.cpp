// A quick check that the benchmark measures the right thing: a generated page is what the brief
// describes, decodes into the typed model with amounts past 2^64 exact, and pages over loopback.
#include "PageGenerator.h"
#include "PageServer.h"
#include "Paging.h"

#include <Formance/Sdk.h>
#include <Formance/json/JsonCodec.h>

#include <QTest>

using namespace Formance;

class BenchSmoke : public QObject {
    Q_OBJECT
private slots:
    void pageIsRealisticAndDeterministic() {
        const QByteArray page = FormanceBench::transactionsPage({0, 1000, QStringLiteral("abc"), {}});
        QVERIFY2(page.size() > 1'000'000 && page.size() < 1'500'000,
                 QByteArray::number(page.size()).constData());
        QCOMPARE(FormanceBench::transactionsPage({0, 1000, QStringLiteral("abc"), {}}), page);
    }

    void decodesExactly() {
        const QByteArray page = FormanceBench::transactionsPage({2, 1000, QStringLiteral("next-cursor"), {}});
        Models::V2TransactionsCursorResponse out;
        const auto r = Json::decode(page, out);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(out.cursor.data.size(), 1000);
        QCOMPARE(out.cursor.next, QStringLiteral("next-cursor"));
        QVERIFY(out.cursor.hasMore);
        const auto &first = out.cursor.data.first();
        QCOMPARE(first.postings.first().amount.toString(), QString::fromLatin1(FormanceBench::kFirstAmount));
        QCOMPARE(first.id, BigInt(qint64(10'000'000 - 2000)));
        QVERIFY(first.postCommitVolumes.has_value() && first.preCommitVolumes.has_value());

        int big = 0, postings = 0;
        for (const auto &tx : out.cursor.data) {
            QVERIFY(tx.postings.size() >= 1 && tx.postings.size() <= 4);
            QVERIFY(!tx.metadata.isEmpty());
            QVERIFY(tx.timestamp.nanos() % 1000 == 0);
            postings += int(tx.postings.size());
            for (const auto &p : tx.postings) {
                big += p.amount.fitsInt64() ? 0 : 1;
                // post = pre + what the postings moved: the destination's input grew by at least the amount
                const Models::V2Volume post = tx.postCommitVolumes->value(p.destination).value(p.asset);
                const Models::V2Volume pre = tx.preCommitVolumes->value(p.destination).value(p.asset);
                QVERIFY(post.input - pre.input >= p.amount);
                QCOMPARE(*post.balance, post.input - post.output);
            }
        }
        QVERIFY(big >= 1);
        QVERIFY(postings > 1500);
        // And it all goes back out unchanged where it was exact text: the big amount survives re-encoding.
        QVERIFY(Json::encode(out).contains(QByteArray("\"amount\":") + FormanceBench::kFirstAmount));
    }

    void pagesOverLoopback() {
        FormanceBench::PageServer server(FormanceBench::PageServer::renderPages(3, 50));
        const quint16 port = server.start();
        QVERIFY(port != 0);
        SdkConfig config;
        config.server.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        Client client(config);
        const auto run = FormanceBench::pageThrough(client, QStringLiteral("bench"), 1000);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.pages, 3);
        QCOMPARE(run.transactions, 150);
        QVERIFY(run.bigAmounts >= 3);
        QCOMPARE(server.requests(), 3);
    }
};

QTEST_GUILESS_MAIN(BenchSmoke)
#include "tst_bench_smoke.moc"
