#include "WalletWriteController.h"

#include "core/CallGroup.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/wallets/v1/WalletsV1Api.h>

#include <QRegularExpression>
#include <QSet>
#include <QUuid>

using namespace Formance;
using namespace Formance::Wallets::V1;

namespace {
FlatMap<QString, QString> toFlatMap(const QVariantMap &map) {
    FlatMap<QString, QString> out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (!it.key().trimmed().isEmpty())
            out.insert(it.key().trimmed(), it.value().toString());
    return out;
}
} // namespace

WalletWriteController::WalletWriteController(QObject *parent)
    : Controller(parent)
    , m_parts(new CallGroup(this)) {
    connect(m_parts, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

bool WalletWriteController::busy() const {
    return call()->busy() || m_parts->busy();
}

void WalletWriteController::sessionChangedEvent() {
    m_parts->cancel();
    m_loaded = false;
    m_moveKey.clear();
    emit stateChanged();
}

void WalletWriteController::setWalletId(const QString &id) {
    if (id == m_walletId)
        return;
    m_walletId = id;
    m_parts->cancel();
    call()->cancel();
    m_loaded = false;
    m_walletName.clear();
    m_metadata.clear();
    m_summary.clear();
    m_balanceNames.clear();
    resetForm();
    emit walletIdChanged();
    emit stateChanged();
}

void WalletWriteController::resetForm() {
    m_fieldErrors.clear();
    m_moveKey.clear();
    call()->clearError();
    emit stateChanged();
}

void WalletWriteController::setFieldError(const QString &field, const QString &error) {
    m_fieldErrors.insert(field, error);
}

bool WalletWriteController::startWrite() {
    m_fieldErrors.clear();
    if (!checkWritable()) {
        emit stateChanged();
        return false;
    }
    return true;
}

void WalletWriteController::load() {
    if (!client() || m_walletId.isEmpty()) {
        call()->setError(tr("No wallet selected."));
        return;
    }
    auto &api = client()->wallets().v1();
    m_parts->begin([this] {
        m_loaded = true;
        emit stateChanged();
    });
    m_parts->add(api.getWallet({m_walletId}), [this](const Result<GetWalletResponse> &r) {
        if (!r) {
            call()->setError(ErrorText::describe(r.error()));
            return;
        }
        m_walletName = r->body.data.name;
        m_metadata = ListSupport::toVariantMap(r->body.data.metadata.toQMap());
    });
    m_parts->add(api.getWalletSummary({m_walletId}), [this](const Result<GetWalletSummaryResponse> &r) {
        if (!r) {
            call()->setError(ErrorText::describe(r.error()));
            return;
        }
        const auto &s = r->body.data;
        QStringList assets;
        for (const auto *funds : {&s.availableFunds, &s.holdFunds, &s.expiredFunds, &s.expirableFunds})
            for (auto it = funds->cbegin(); it != funds->cend(); ++it)
                if (!assets.contains(it.key()))
                    assets.append(it.key());
        assets.sort();
        auto text = [](const FlatMap<QString, BigInt> &funds, const QString &asset) {
            return Money::format(funds.value(asset, BigInt()), asset);
        };
        m_summary.clear();
        for (const QString &asset : std::as_const(assets))
            m_summary.append(QVariantMap{{QStringLiteral("asset"), asset},
                                         {QStringLiteral("available"), text(s.availableFunds, asset)},
                                         {QStringLiteral("hold"), text(s.holdFunds, asset)},
                                         {QStringLiteral("expired"), text(s.expiredFunds, asset)},
                                         {QStringLiteral("expirable"), text(s.expirableFunds, asset)}});
    });
    m_parts->add(api.listBalances({m_walletId}), [this](const Result<ListBalancesResponse> &r) {
        if (!r)
            return; // the choice keeps "main"
        QStringList names{QStringLiteral("main")};
        for (const auto &b : r->body.cursor.data)
            if (!names.contains(b.name))
                names.append(b.name);
        m_balanceNames = names;
    });
    emit stateChanged();
}

void WalletWriteController::createWallet(const QString &name, const QVariantMap &metadata) {
    if (!startWrite())
        return;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        setFieldError(QStringLiteral("name"), tr("A wallet needs a name."));
        emit stateChanged();
        return;
    }
    CreateWalletRequest request;
    request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.body = Models::CreateWalletRequest{.metadata = toFlatMap(metadata), .name = trimmed};
    call()->start(
        client()->wallets().v1().createWallet(request),
        [this](const auto &body) {
            setWalletId(body.data.id);
            emit created(body.data.id);
        },
        [this](const QString &error) {
            setFieldError(QStringLiteral("name"), error);
            emit stateChanged();
        });
    emit stateChanged();
}

QString WalletWriteController::assetProblem(const QString &asset) const {
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9]{0,16}(/\\d{1,6})?$"));
    if (asset.trimmed().isEmpty())
        return tr("The asset is required (e.g. USD/2).");
    if (!pattern.match(asset.trimmed()).hasMatch())
        return tr("An asset is upper-case letters and digits, with its decimals after a slash (USD/2).");
    return {};
}

QString WalletWriteController::amountProblem(const QString &amount, const QString &asset) const {
    if (amount.trimmed().isEmpty())
        return tr("The amount is required.");
    if (const QString problem = ListSupport::amountInputProblem(amount); !problem.isEmpty())
        return problem;
    if (!assetProblem(asset).isEmpty())
        return {}; // said at the asset
    const auto parsed = Money::parse(amount.trimmed(), asset.trimmed());
    if (!parsed.value)
        return parsed.error.isEmpty() ? tr("Not an amount.") : parsed.error;
    if (!(*parsed.value > BigInt()))
        return tr("The amount must be more than zero.");
    return {};
}

void WalletWriteController::move(const QString &direction, const QString &amount, const QString &asset,
                                 const QString &balance, bool hold, const QString &description) {
    if (!startWrite())
        return;
    if (m_walletId.isEmpty()) {
        call()->setError(tr("No wallet selected."));
        emit stateChanged();
        return;
    }
    const bool credit = direction == QLatin1String("credit");
    if (const QString p = assetProblem(asset); !p.isEmpty())
        setFieldError(QStringLiteral("asset"), p);
    if (const QString p = amountProblem(amount, asset); !p.isEmpty())
        setFieldError(QStringLiteral("amount"), p);
    if (!m_fieldErrors.isEmpty()) {
        emit stateChanged();
        return;
    }
    const QString a = asset.trimmed();
    const Models::Monetary money{.asset = a, .amount = *Money::parse(amount.trimmed(), a).value};
    const QString balanceName = balance.trimmed();
    // One key per intended movement: a retry after a lost answer is the same request.
    if (m_moveKey.isEmpty())
        m_moveKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto &api = client()->wallets().v1();
    auto failed = [this](const QString &) { emit stateChanged(); };
    if (credit) {
        Models::CreditWalletRequest body{.amount = money};
        if (!balanceName.isEmpty() && balanceName != QLatin1String("main"))
            body.balance = balanceName;
        if (!description.trimmed().isEmpty())
            body.reference = description.trimmed();
        call()->start(
            api.creditWallet({.id = m_walletId, .idempotencyKey = m_moveKey, .body = body}),
            [this](const auto &) {
                m_moveKey.clear();
                emit moved(QString());
                load();
            },
            failed);
    } else {
        Models::DebitWalletRequest body{.amount = money};
        if (hold)
            body.pending = true;
        if (!balanceName.isEmpty())
            body.balances = QList<QString>{balanceName};
        if (!description.trimmed().isEmpty())
            body.description = description.trimmed();
        // A debit answers 204 without a body, a hold 201 with it: the group's whole Result tells.
        call()->clearError();
        m_parts->begin([] {});
        m_parts->add(api.debitWallet({.id = m_walletId, .idempotencyKey = m_moveKey, .body = body}),
                     [this](const Result<DebitWalletResponse> &r) {
                         if (!r) {
                             call()->setError(ErrorText::describe(r.error()));
                             emit stateChanged();
                             return;
                         }
                         m_moveKey.clear();
                         const QString holdId = r->body ? r->body->data.id : QString();
                         // After the group settled, so the reload starts a round of its own.
                         QMetaObject::invokeMethod(
                             this,
                             [this, holdId] {
                                 emit moved(holdId);
                                 load();
                             },
                             Qt::QueuedConnection);
                     });
    }
    emit stateChanged();
}

void WalletWriteController::createBalance(const QString &name, const QString &expiresAt,
                                          const QString &priority) {
    if (!startWrite())
        return;
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    const QString trimmed = name.trimmed();
    Models::Balance balance{.name = trimmed};
    if (trimmed.isEmpty())
        setFieldError(QStringLiteral("name"), tr("A balance needs a name."));
    else if (trimmed == QLatin1String("main"))
        setFieldError(QStringLiteral("name"), tr("“main” is the wallet's own balance: choose another name."));
    else if (!namePattern.match(trimmed).hasMatch())
        setFieldError(QStringLiteral("name"), tr("Letters, digits, “-” and “_” only."));
    if (!expiresAt.trimmed().isEmpty()) {
        const auto at = Timestamp::parse(expiresAt.trimmed());
        if (!at)
            setFieldError(QStringLiteral("expiresAt"), tr("A date and time such as 2027-01-31T00:00:00Z."));
        else
            balance.expiresAt = *at;
    }
    if (!priority.trimmed().isEmpty()) {
        const auto p = BigInt::fromString(priority.trimmed());
        if (!p || p->isNegative())
            setFieldError(QStringLiteral("priority"), tr("A whole number, 0 or more."));
        else
            balance.priority = *p;
    }
    if (m_walletId.isEmpty())
        call()->setError(tr("No wallet selected."));
    if (!m_fieldErrors.isEmpty() || m_walletId.isEmpty()) {
        emit stateChanged();
        return;
    }
    call()->start(
        client()->wallets().v1().createBalance(
            {.id = m_walletId,
             .idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces),
             .body = balance}),
        [this](const auto &body) {
            emit balanceCreated(body.data.name);
            load();
        },
        [this](const QString &error) {
            setFieldError(QStringLiteral("name"), error);
            call()->clearError();
            emit stateChanged();
        });
    emit stateChanged();
}

QVariantList WalletWriteController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void WalletWriteController::saveMetadata(const QVariantMap &edited) {
    if (!startWrite())
        return;
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (!changes.removals.isEmpty()) {
        // The wallets API merges what it is sent: a key cannot be removed through it.
        call()->setError(tr("The wallets API cannot remove a metadata key (%1): only add or change keys.")
                             .arg(changes.removals.join(QStringLiteral(", "))));
        emit stateChanged();
        return;
    }
    if (changes.isEmpty())
        return;
    UpdateWalletRequest request;
    request.id = m_walletId;
    request.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.body = Models::UpdateWalletRequestBody{.metadata = toFlatMap(edited)};
    call()->start(
        client()->wallets().v1().updateWallet(request),
        [this](const auto &) {
            emit metadataSaved();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}
