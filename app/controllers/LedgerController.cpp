#include "LedgerController.h"

#include "Client.h"
#include "ErrorText.h"
#include "MetadataChanges.h"
#include "formance/ledger/v2/LedgerV2Api.h"

#include <QRegularExpression>

#include <memory>

using namespace Formance;
using namespace Formance::Ledger::V2;

LedgerController::LedgerController(QObject *parent)
    : QObject(parent) {}

void LedgerController::finish(const QString &error) {
    m_busy = false;
    m_error = error;
    emit stateChanged();
}

bool LedgerController::writable() {
    if (!m_session || !m_session->client()) {
        finish(tr("Not connected."));
        return false;
    }
    if (m_session->readOnly()) {
        finish(tr("This profile is read-only."));
        return false;
    }
    return true;
}

void LedgerController::load() {
    if (!m_session || !m_session->client() || m_ledger.isEmpty())
        return;
    m_busy = true;
    m_error.clear();
    emit stateChanged();
    auto &api = m_session->client()->ledger().v2();
    // Both answers are needed; the second to arrive publishes the state.
    auto pending = std::make_shared<int>(2);
    auto arrived = [this, pending](const QString &error) {
        if (!error.isEmpty() && m_error.isEmpty())
            m_error = error;
        if (--*pending == 0)
            finish(m_error);
    };
    api.getLedger({m_ledger}).then(this, [this, arrived](const Result<V2GetLedgerResponse> &r) {
        if (r) {
            m_bucket = r->body.data.bucket;
            m_metadata.clear();
            const auto metadata = r->body.data.metadata.value_or(QMap<QString, QString>());
            for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
                m_metadata.insert(it.key(), it.value());
        }
        arrived(r ? QString() : ErrorText::describe(r.error()));
    });
    api.readStats({m_ledger}).then(this, [this, arrived](const Result<V2ReadStatsResponse> &r) {
        if (r) {
            m_transactions = r->body.data.transactions.toString();
            m_accounts = r->body.data.accounts.toString();
        }
        arrived(r ? QString() : ErrorText::describe(r.error()));
    });
}

QVariantList LedgerController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void LedgerController::saveMetadata(const QVariantMap &edited) {
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty() || !writable())
        return;
    m_busy = true;
    emit stateChanged();
    auto &api = m_session->client()->ledger().v2();
    QList<MetadataWrite> writes;
    if (!changes.upserts.isEmpty())
        writes.append([this, &api, upserts = changes.upserts](auto report) {
            api.updateLedgerMetadata({m_ledger, upserts}).then(this, [report](const auto &r) {
                report(r ? std::nullopt : std::optional<Error>(r.error()));
            });
        });
    for (const QString &key : changes.removals)
        writes.append([this, &api, key](auto report) {
            api.deleteLedgerMetadata({m_ledger, key}).then(this, [report](const auto &r) {
                report(r ? std::nullopt : std::optional<Error>(r.error()));
            });
        });
    runMetadataWrites(writes, [this](const std::optional<Error> &error) {
        if (error) {
            finish(ErrorText::describe(*error));
            return;
        }
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
        finish(error);
        return;
    }
    if (!bucket.trimmed().isEmpty() && !validateName(bucket.trimmed()).isEmpty()) {
        finish(tr("A bucket name has 1 to 63 letters, digits, “_” or “-”."));
        return;
    }
    if (!writable())
        return;
    Models::V2CreateLedgerRequest body;
    if (!bucket.trimmed().isEmpty())
        body.bucket = bucket.trimmed();
    QMap<QString, QString> meta;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        meta.insert(it.key(), it.value().toString());
    body.metadata = meta;
    m_busy = true;
    emit stateChanged();
    const QString ledgerName = name.trimmed();
    m_session->client()
        ->ledger()
        .v2()
        .createLedger({ledgerName, body})
        .then(this, [this, ledgerName](const Result<V2CreateLedgerResponse> &r) {
            finish(r ? QString() : ErrorText::describe(r.error()));
            if (r)
                emit created(ledgerName);
        });
}
