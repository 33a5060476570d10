// A quick check that the benchmark measures the right thing: a generated page is what the brief
// describes, decodes into the typed model with amounts past 2^64 exact, and pages over loopback.
#include "PageGenerator.h"
#include "PageServer.h"
#include "Paging.h"

#include "ledger/TransactionExport.h"

#include <Formance/Money.h>
#include <Formance/Pagination.h>
#include <Formance/Sdk.h>
#include <Formance/json/JsonCodec.h>

#include <QTest>
#include <QTimeZone>

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

    // The export benchmark's server: a long ledger cycling a few pages, each with its own cursor.
    // And the rows it writes: one CSV row per posting, amounts exact, JSON Lines that decode back.
    void exportsRowsExactly() {
        FormanceBench::PageServer server(FormanceBench::PageServer::renderCyclePages(2, 20), 5);
        const quint16 port = server.start();
        QVERIFY(port != 0);
        SdkConfig config;
        config.server.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        Client client(config);
        QList<Models::V2ExpandedTransaction> seen;
        qint64 postings = 0;
        CallOptions options;
        options.apiGeneration = ApiGeneration::V3_0;
        const auto walk =
            walkPages(
                client, Ledger::V2::V2ListTransactionsRequest{.ledger = QStringLiteral("bench")}, 20,
                [&](const QList<Models::V2ExpandedTransaction> &page) {
                    for (const auto &tx : page) {
                        postings += tx.postings.size();
                        seen.append(tx);
                    }
                    return true;
                },
                options)
                .result();
        QVERIFY2(walk, walk ? "" : qPrintable(walk.error().message()));
        QCOMPARE(walk.value().pages, 5);
        QCOMPARE(seen.size(), 100);

        // The export as the app writes it: rows from the parsed answer (walkRawPages), no models;
        // checked against the models of the same pages.
        QByteArray csv = TransactionExport::header(TransactionExport::Format::Csv);
        QByteArray jsonl;
        QString bad;
        const auto rawWalk =
            walkRawPages(
                client, Ledger::V2::V2ListTransactionsRequest{.ledger = QStringLiteral("bench")}, 20,
                [&](const Json::Value &page) {
                    for (const Json::Value tx : page.elements())
                        if (!TransactionExport::append(csv, tx, TransactionExport::Format::Csv, &bad) ||
                            !TransactionExport::append(jsonl, tx, TransactionExport::Format::JsonLines, &bad))
                            return false;
                    return true;
                },
                options)
                .result();
        QVERIFY2(rawWalk && !rawWalk.value().stopped, qPrintable(bad));

        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.size(), postings + 2); // the header, and the empty text after the last break
        QVERIFY(rows.first().startsWith("id,timestamp,reference,reverted,posting,source,"));
        // Page 0's first posting: 2^64 * 3 + 12345 of some asset, exact in minor units and decimal.
        const auto &p = seen.first().postings.first();
        const QByteArray first = rows.at(1);
        QVERIFY2(first.contains(QByteArray(",") + FormanceBench::kFirstAmount + ','), first.constData());
        QVERIFY2(first.contains(',' + Money::format(p.amount, p.asset).toUtf8() + ','), first.constData());
        QVERIFY2(first.startsWith(seen.first().id.toString().toUtf8() + ',' +
                                  seen.first().timestamp.toString().toUtf8() + ','),
                 first.constData());
        QVERIFY2(first.endsWith("\"") && first.contains(",\"{\"\"kind\"\":"), first.constData()); // metadata

        const QList<QByteArray> lines = jsonl.split('\n');
        QCOMPARE(lines.size(), 101);
        for (qsizetype i = 0; i < seen.size(); ++i) {
            Models::V2ExpandedTransaction back;
            const auto r = Json::decode(lines.at(i), back);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(back, seen.at(i));
        }

        // Every CSV row's columns against the models.
        qsizetype row = 1;
        for (const auto &tx : seen)
            for (qsizetype i = 0; i < tx.postings.size(); ++i, ++row) {
                const auto &p = tx.postings.at(i);
                QByteArray want = tx.id.toString().toUtf8() + ',' + tx.timestamp.toString().toUtf8() + ',';
                TransactionExport::appendCsvField(want, tx.reference.value_or(QString()));
                want += (tx.reverted ? ",true," : ",false,") + QByteArray::number(i) + ',';
                for (const QString &field : {p.source, p.destination, p.asset}) {
                    TransactionExport::appendCsvField(want, field);
                    want += ',';
                }
                want += p.amount.toString().toUtf8() + ',' + Money::format(p.amount, p.asset).toUtf8() + ',';
                QVERIFY2(rows.at(row).startsWith(want), rows.at(row).constData());
            }
    }

    // Something that is not a transaction stops the row with a reason, and nothing of it is written.
    void notATransactionIsRefused() {
        const QByteArray good = "{\"id\":7,\"timestamp\":\"2024-01-01T00:00:00Z\",\"reverted\":false,"
                                "\"metadata\":{},\"postings\":[{\"source\":\"world\",\"destination\":\"a\","
                                "\"asset\":\"USD/2\",\"amount\":\"0042\"}]}";
        const auto parsed = Json::Document::parse(good);
        QVERIFY(parsed);
        QByteArray out = "kept,";
        QString error;
        QVERIFY(TransactionExport::append(out, parsed->root(), TransactionExport::Format::Csv, &error));
        QCOMPARE(out, QByteArray("kept,7,2024-01-01T00:00:00Z,,false,0,world,a,USD/2,42,0.42,{}\n"));
        for (const QByteArray &bad : {QByteArray(good).replace("\"0042\"", "1.5"),
                                      QByteArray(good).replace("\"timestamp\"", "\"ts\""),
                                      QByteArray(good).replace("\"id\":7", "\"id\":\"x\""), QByteArray("[1]"),
                                      QByteArray(good).replace("\"reverted\":false", "\"reverted\":0")}) {
            const auto doc = Json::Document::parse(bad);
            QVERIFY(doc);
            out = "kept,";
            error.clear();
            QVERIFY2(!TransactionExport::append(out, doc->root(), TransactionExport::Format::Csv, &error),
                     bad.constData());
            QCOMPARE(out, QByteArray("kept,"));
            QVERIFY(!error.isEmpty());
        }
        // Decimals from the integer's text, as Money::format writes them.
        const auto decimal = [](std::string_view integer, std::string_view asset) {
            QByteArray o;
            TransactionExport::appendDecimal(o, integer, asset);
            return o;
        };
        QCOMPARE(decimal("-0", "USD/2"), QByteArray("0.00"));
        QCOMPARE(decimal("007", "COIN"), QByteArray("7"));
        QCOMPARE(decimal("-5", "ETH/18"), QByteArray("-0.000000000000000005"));
        QCOMPARE(decimal("12345", "USD/02"), QByteArray("123.45"));
    }

    // A pretty-printed answer's items hold line breaks: written again compactly, one per line.
    void jsonLinesFromAPrettyAnswer() {
        const auto doc = Json::Document::parse("{\"data\": [\n  {\n    \"id\": 36893488147419103232,\n"
                                               "    \"s\": \"a b\"\n  },\n  {\"id\": 2}\n]}");
        QVERIFY(doc);
        QByteArray out;
        for (const Json::Value tx : doc->root()["data"].elements())
            TransactionExport::appendJsonLine(out, tx);
        QCOMPARE(out, QByteArray("{\"id\":36893488147419103232,\"s\":\"a b\"}\n{\"id\": 2}\n"));
    }

    void csvFields() {
        const auto field = [](const QString &v) {
            QByteArray out;
            TransactionExport::appendCsvField(out, v);
            return out;
        };
        QCOMPARE(field(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(field(QString()), QByteArray());
        QCOMPARE(field(QStringLiteral("a\rb")), QByteArray("\"a\rb\""));
        QCOMPARE(field(QStringLiteral("+1")), QByteArray("'+1"));
        QCOMPARE(field(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(field(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(field(QStringLiteral("line\nbreak")), QByteArray("\"line\nbreak\""));
        QCOMPARE(field(QStringLiteral("=SUM(A1)")), QByteArray("'=SUM(A1)"));
        QCOMPARE(field(QStringLiteral("@x,y")), QByteArray("\"'@x,y\""));
        QCOMPARE(field(QStringLiteral("-12")), QByteArray("-12"));
        QCOMPARE(field(QStringLiteral("-x")), QByteArray("'-x"));
        QCOMPARE(field(QString::fromUtf8("-\u0663")),
                 QString::fromUtf8("-\u0663").toUtf8()); // an Arabic-Indic 3
        QCOMPARE(field(QString::fromUtf8("caf\u00e9")), QString::fromUtf8("caf\u00e9").toUtf8());

        const auto decimal = [](const BigInt &v, const QString &asset) { // from the integer's text
            const QByteArray integer = v.toString().toUtf8(), currency = asset.toUtf8();
            QByteArray out;
            TransactionExport::appendDecimal(out,
                                             std::string_view(integer.constData(), size_t(integer.size())),
                                             std::string_view(currency.constData(), size_t(currency.size())));
            return QString::fromUtf8(out);
        };
        const BigInt big = *BigInt::fromString("-55340232221128667193");
        for (const auto &[v, asset] :
             std::initializer_list<std::pair<BigInt, QString>>{{BigInt(12345), QStringLiteral("USD/2")},
                                                               {BigInt(5), QStringLiteral("USD/2")},
                                                               {BigInt(-5), QStringLiteral("ETH/18")},
                                                               {BigInt(0), QStringLiteral("COIN")},
                                                               {big, QStringLiteral("BTC/8")},
                                                               {big, QStringLiteral("X/30")}})
            QCOMPARE(decimal(v, asset), Money::format(v, asset));
    }

    // Timestamp::toString and appendTo no longer go through QDateTime: the same text over years.
    void timestampsAsQDateTimeWrites() {
        for (qint64 secs = -62135596800; secs < 253402300799; secs += 86400 * 367 + 3607) {
            for (int nanos : {0, 120000000, 123456000, 123456789}) {
                const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
                QString want = dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
                if (nanos)
                    want += u'.' + QStringLiteral("%1")
                                       .arg(nanos, 9, 10, QChar(u'0'))
                                       .left(nanos % 1000000 == 0 ? 3 : (nanos % 1000 == 0 ? 6 : 9));
                want += u'Z';
                const Timestamp t = Timestamp::fromSecsSinceEpoch(secs, nanos);
                QCOMPARE(t.toString(), want);
                QByteArray bytes;
                t.appendTo(bytes);
                QCOMPARE(QString::fromLatin1(bytes), want);
            }
        }
    }
};

QTEST_GUILESS_MAIN(BenchSmoke)
#include "tst_bench_smoke.moc"
