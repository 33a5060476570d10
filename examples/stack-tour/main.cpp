// stack-tour: lists a stack's services and ledgers, then posts an amount past 2^64 and reads the
// balance back, digit for digit. A consumer of the installed SDK, built in CI against it only.
//   stack-tour URL CLIENT_ID CLIENT_SECRET
#include <Formance/Client.h>
#include <Formance/Sdk.h>

#include <QCoreApplication>
#include <QTextStream>
#include <QUuid>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        err << "usage: stack-tour URL CLIENT_ID CLIENT_SECRET\n";
        return 2;
    }

    Formance::SdkConfig config;
    config.server.url = args[1];
    config.credentials = Formance::ClientCredentials{args[2], args[3], {}};
    Formance::Client client(config);

    // Blocking calls (result() runs a local event loop): fine in a command-line tool.
    const auto versions = client.getVersions().result();
    if (!versions) {
        err << "getVersions: " << versions.error().toString() << "\n";
        return 1;
    }
    for (const auto &service : versions->body.versions)
        out << "service " << service.name << " " << service.version << "\n";

    const auto ledgers = client.ledger().v2().listLedgers({}).result();
    if (!ledgers) {
        err << "listLedgers: " << ledgers.error().toString() << "\n";
        return 1;
    }
    for (const auto &ledger : ledgers->body.cursor.data)
        out << "ledger " << ledger.name << "\n";

    const QString name = QStringLiteral("tour-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    if (const auto made = client.ledger().v2().createLedger({.ledger = name}).result(); !made) {
        err << "createLedger: " << made.error().toString() << "\n";
        return 1;
    }
    // 2^64 + 1 in cents: no double could carry it.
    const auto amount = Formance::BigInt::fromString("18446744073709551617");
    Formance::Models::V2PostTransaction tx;
    tx.postings = QList<Formance::Models::V2Posting>{{.amount = *amount,
                                                      .asset = QStringLiteral("USD/2"),
                                                      .destination = QStringLiteral("users:tour"),
                                                      .source = QStringLiteral("world")}};
    const auto posted =
        client.ledger()
            .v2()
            .createTransaction(
                {.ledger = name, .idempotencyKey = QUuid::createUuid().toString(QUuid::Id128), .body = tx})
            .result();
    if (!posted) {
        err << "createTransaction: " << posted.error().toString() << "\n";
        return 1;
    }
    const auto account = client.ledger()
                             .v2()
                             .getAccount({.ledger = name,
                                          .address = QStringLiteral("users:tour"),
                                          .expand = QStringLiteral("volumes")})
                             .result();
    if (!account || !account->body.data.volumes) {
        err << "getAccount: " << (account ? QStringLiteral("no volumes") : account.error().toString())
            << "\n";
        return 1;
    }
    const auto &volume = account->body.data.volumes->value(QStringLiteral("USD/2"));
    out << "posted " << amount->toString() << " USD/2 to users:tour on " << name << "\n";
    out << "balance " << (volume.balance ? volume.balance->toString() : volume.input.toString()) << "\n";
    return 0;
}
