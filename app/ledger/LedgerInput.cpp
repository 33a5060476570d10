#include "LedgerInput.h"

#include "core/ListSupport.h"
#include <Formance/Money.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace LedgerInput {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("LedgerInput", text);
}
} // namespace

bool isAddress(const QString &address) {
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_-]+(:[a-zA-Z0-9_-]+)*$"));
    return re.match(address).hasMatch();
}

bool isAsset(const QString &asset) {
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Z0-9]{0,16}(/\\d{1,3})?$"));
    return re.match(asset).hasMatch();
}

QString addressProblem(const QString &address, const QString &what) {
    if (address.isEmpty())
        return tr("%1: enter an account address.").arg(what);
    if (!isAddress(address))
        return tr("%1 “%2” is not an account address (segments of letters, digits, _ or - joined by “:”).")
            .arg(what, address);
    return {};
}

QString assetProblem(const QString &asset) {
    return isAsset(asset) ? QString()
                          : tr("Asset “%1” should look like USD/2, EUR/2, ETH/18 or JPY.").arg(asset);
}

std::optional<Formance::BigInt> positiveAmount(const QString &text, const QString &asset, QString *error) {
    if (const QString problem = ListSupport::amountInputProblem(text); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    const auto amount = Formance::Money::parse(text, asset);
    if (!amount.value) {
        *error = amount.error;
        return std::nullopt;
    }
    if (amount.value->isNegative() || amount.value->isZero()) {
        *error = tr("The amount must be more than zero.");
        return std::nullopt;
    }
    return amount.value;
}

} // namespace LedgerInput
