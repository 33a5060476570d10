#include "AccountDetailController.h"

#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;
using namespace Formance::Ledger::V2;

AccountDetailController::AccountDetailController(QObject *parent)
    : Controller(parent)
    , m_historyCall(new CallHolder(this)) {}

void AccountDetailController::load() {
    if (!client() || m_ledger.isEmpty() || m_address.isEmpty())
        return;
    V2GetAccountRequest request{m_ledger, m_address, QStringLiteral("volumes"), std::nullopt};
    call()->start(client()->ledger().v2().getAccount(request), [this](const auto &body) {
        const auto &account = body.data;
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
        emit stateChanged();
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
    if (changes.isEmpty() || !checkWritable())
        return;
    QList<WriteStep> steps;
    if (!changes.upserts.isEmpty())
        steps.append([this, upserts = changes.upserts](auto next) {
            call()->start(client()->ledger().v2().addMetadataToAccount(
                              {m_ledger, m_address, std::nullopt, std::nullopt, upserts}),
                          [next](const auto &) { next(); });
        });
    for (const QString &key : changes.removals)
        steps.append([this, key](auto next) {
            call()->start(client()->ledger().v2().deleteAccountMetadata({m_ledger, m_address, key}),
                          [next](const auto &) { next(); });
        });
    runInOrder(steps, [this] {
        emit metadataSaved();
        load();
    });
}

int AccountDetailController::chartPosition(const BigInt &value, const BigInt &min, const BigInt &max) {
    const BigInt span = max - min;
    if (span.isZero() || span.isNegative())
        return kChartSteps / 2;
    // A binary search with exact multiplications (BigInt has no division): no amount ever goes
    // through a double, whatever its size.
    const BigInt scaled = (value - min) * BigInt(kChartSteps);
    int lo = 0;
    int hi = kChartSteps;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (span * BigInt(mid) <= scaled)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

void AccountDetailController::loadHistory(const QString &asset, const BigInt &balanceNow) {
    // Walk back from today's balance through the latest transactions touching the account.
    V2ListTransactionsRequest request;
    request.ledger = m_ledger;
    request.pageSize = 1000;
    request.body = Json::Any::fromJson(ListSupport::matchQuery("account", m_address));
    m_history.clear();
    m_chartAsset = asset;
    m_chartMin.clear();
    m_chartMax.clear();
    emit historyChanged();
    m_historyCall->start(
        client()->ledger().v2().listTransactions(request), [this, asset, balanceNow](const auto &body) {
            QList<QPair<qint64, BigInt>> points; // oldest first
            BigInt balance = balanceNow;
            for (const auto &tx : body.cursor.data) { // newest first
                points.prepend({tx.timestamp.toDateTime().toMSecsSinceEpoch(), balance});
                for (const auto &p : tx.postings) {
                    if (p.asset != asset)
                        continue;
                    if (p.destination == m_address)
                        balance -= p.amount;
                    if (p.source == m_address)
                        balance += p.amount;
                }
            }
            if (!points.isEmpty()) {
                BigInt min = points.first().second;
                BigInt max = min;
                for (const auto &point : points) {
                    if (point.second < min)
                        min = point.second;
                    if (point.second > max)
                        max = point.second;
                }
                m_chartMin = Money::format(min, asset);
                m_chartMax = Money::format(max, asset);
                for (const auto &point : points)
                    m_history.append(QVariantMap{{"time", point.first},
                                                 {"position", chartPosition(point.second, min, max)},
                                                 {"text", Money::format(point.second, asset)}});
            }
            emit historyChanged();
        });
}
