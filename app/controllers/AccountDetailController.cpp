#include "AccountDetailController.h"

#include "Client.h"
#include "ErrorText.h"
#include "MetadataChanges.h"
#include "Money.h"
#include "formance/ledger/v2/LedgerV2Api.h"
#include "models/ListSupport.h"
#include "json/JsonWriter.h"

using namespace Formance;
using namespace Formance::Ledger::V2;

AccountDetailController::AccountDetailController(QObject *parent)
    : QObject(parent) {}

void AccountDetailController::finish(const QString &error) {
    m_busy = false;
    m_error = error;
    emit stateChanged();
}

void AccountDetailController::load() {
    if (!m_session || !m_session->client() || m_ledger.isEmpty() || m_address.isEmpty())
        return;
    m_busy = true;
    m_error.clear();
    emit stateChanged();
    V2GetAccountRequest request{m_ledger, m_address, QStringLiteral("volumes"), std::nullopt};
    m_session->client()->ledger().v2().getAccount(request).then(
        this, [this](const Result<V2GetAccountResponse> &r) {
            if (!r) {
                finish(ErrorText::describe(r.error()));
                return;
            }
            const auto &account = r->body.data;
            m_volumes.clear();
            if (account.volumes)
                for (auto it = account.volumes->cbegin(); it != account.volumes->cend(); ++it) {
                    const auto &v = it.value();
                    const BigInt balance = v.balance.value_or(v.input - v.output);
                    m_volumes.append(QVariantMap{{"asset", it.key()},
                                                 {"input", Money::format(v.input, it.key())},
                                                 {"output", Money::format(v.output, it.key())},
                                                 {"balance", Money::format(balance, it.key())},
                                                 {"negative", balance.isNegative()}});
                }
            m_metadata.clear();
            for (auto it = account.metadata.cbegin(); it != account.metadata.cend(); ++it)
                m_metadata.insert(it.key(), it.value());
            m_loaded = true;
            finish({});
            if (account.volumes && !account.volumes->isEmpty()) {
                const auto first = account.volumes->cbegin();
                loadHistory(first.key(),
                            first.value().balance.value_or(first.value().input - first.value().output));
            }
        });
}

QVariantList AccountDetailController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void AccountDetailController::saveMetadata(const QVariantMap &edited) {
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty())
        return;
    if (!m_session || !m_session->client() || m_session->readOnly()) {
        finish(m_session && m_session->readOnly() ? tr("This profile is read-only.") : tr("Not connected."));
        return;
    }
    m_busy = true;
    emit stateChanged();
    auto &api = m_session->client()->ledger().v2();
    QList<MetadataWrite> writes;
    if (!changes.upserts.isEmpty())
        writes.append([this, &api, upserts = changes.upserts](auto report) {
            api.addMetadataToAccount({m_ledger, m_address, std::nullopt, std::nullopt, upserts})
                .then(this, [report](const auto &r) {
                    report(r ? std::nullopt : std::optional<Error>(r.error()));
                });
        });
    for (const QString &key : changes.removals)
        writes.append([this, &api, key](auto report) {
            api.deleteAccountMetadata({m_ledger, m_address, key}).then(this, [report](const auto &r) {
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

void AccountDetailController::loadHistory(const QString &asset, const BigInt &balanceNow) {
    // Walk back from today's balance through the latest transactions touching the account.
    V2ListTransactionsRequest request;
    request.ledger = m_ledger;
    request.pageSize = 1000;
    request.body = Json::Any::fromJson(ListSupport::matchQuery("account", m_address));
    m_session->client()->ledger().v2().listTransactions(request).then(
        this, [this, asset, balanceNow](const Result<V2ListTransactionsResponse> &r) {
            m_history.clear();
            m_chartAsset = asset;
            if (r) {
                BigInt balance = balanceNow;
                for (const auto &tx : r->body.cursor.data) { // newest first
                    m_history.prepend(QVariantMap{{"time", tx.timestamp.toDateTime().toMSecsSinceEpoch()},
                                                  {"value", Money::format(balance, asset).toDouble()},
                                                  {"text", Money::format(balance, asset)}});
                    for (const auto &p : tx.postings) {
                        if (p.asset != asset)
                            continue;
                        if (p.destination == m_address)
                            balance -= p.amount;
                        if (p.source == m_address)
                            balance += p.amount;
                    }
                }
            }
            emit historyChanged();
        });
}
