#include "LedgerController.h"

#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QRegularExpression>

using namespace Formance;
using namespace Formance::Ledger::V2;

LedgerController::LedgerController(QObject *parent)
    : Controller(parent) {}

void LedgerController::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    m_bucket.clear();
    m_transactions.clear();
    m_accounts.clear();
    m_metadata.clear();
    emit ledgerChanged();
    emit infoChanged();
    load();
}

void LedgerController::load() {
    if (!client() || m_ledger.isEmpty()) {
        call()->cancel();
        return;
    }
    // The ledger, then its counts: one call in flight, and a newer load cancels it.
    call()->start(client()->ledger().v2().getLedger({m_ledger}),
                  [this](const Models::V2GetLedgerResponse &body) {
                      m_bucket = body.data.bucket;
                      m_metadata.clear();
                      const auto metadata = body.data.metadata.value_or(QMap<QString, QString>());
                      for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
                          m_metadata.insert(it.key(), it.value());
                      emit infoChanged();
                      call()->start(client()->ledger().v2().readStats({m_ledger}),
                                    [this](const Models::V2StatsResponse &stats) {
                                        m_transactions = stats.data.transactions.toString();
                                        m_accounts = stats.data.accounts.toString();
                                        emit infoChanged();
                                    });
                  });
}

QVariantList LedgerController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void LedgerController::saveMetadata(const QVariantMap &edited) {
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty() || !checkWritable())
        return;
    QList<WriteStep> steps;
    if (!changes.upserts.isEmpty())
        steps.append([this, upserts = changes.upserts](auto next) {
            call()->start(client()->ledger().v2().updateLedgerMetadata({m_ledger, upserts}),
                          [next](const auto &) { next(); });
        });
    for (const QString &key : changes.removals)
        steps.append([this, key](auto next) {
            call()->start(client()->ledger().v2().deleteLedgerMetadata({m_ledger, key}),
                          [next](const auto &) { next(); });
        });
    runInOrder(steps, [this] {
        emit metadataSaved();
        load();
    });
}

QString LedgerController::validateName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z_-]{1,63}$"));
    if (!pattern.match(name).hasMatch())
        return tr("A ledger name has 1 to 63 letters, digits, “_” or “-”.");
    return {};
}

void LedgerController::create(const QString &name, const QString &bucket, const QVariantMap &metadata) {
    if (const QString error = validateName(name.trimmed()); !error.isEmpty()) {
        call()->setError(error);
        return;
    }
    if (!bucket.trimmed().isEmpty() && !validateName(bucket.trimmed()).isEmpty()) {
        call()->setError(tr("A bucket name has 1 to 63 letters, digits, “_” or “-”."));
        return;
    }
    if (!checkWritable())
        return;
    Models::V2CreateLedgerRequest body;
    if (!bucket.trimmed().isEmpty())
        body.bucket = bucket.trimmed();
    QMap<QString, QString> meta;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        meta.insert(it.key(), it.value().toString());
    body.metadata = meta;
    const QString ledgerName = name.trimmed();
    call()->start(client()->ledger().v2().createLedger({ledgerName, body}),
                  [this, ledgerName](const auto &) { emit created(ledgerName); });
}
