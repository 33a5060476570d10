// What the ledger v2 API's resources share: parameter parsing and the pieces of filter SQL
// (metadata, balances, scalar columns) that transactions, accounts, volumes and logs compile to.
#pragma once

#include "api/ApiSupport.h"

#include <QSet>
#include <QVariant>

#include <string_view>

namespace Formance::Sandbox::V2 {

QString qs(std::string_view v);
bool isUnsignedIntegerText(std::string_view t);
Expected<qint64> idParam(const Request &r, const QString &name);
QSet<QString> expandOf(const QString &expand);
Expected<QVariant> timeValue(const Json::Value &v, const QString &field);
Expected<QString> metadataCondition(const QString &op, const QString &field, const Json::Value &value,
                                    const QString &column, QVariantList &binds);
Expected<QString> balanceCondition(const QString &op, const QString &field, const Json::Value &value,
                                   const QString &ledgerCol, const QString &accountCol, QVariantList &binds);
Expected<QString> scalarCondition(const QString &op, const QString &column, const QVariant &v,
                                  QVariantList &binds);

} // namespace Formance::Sandbox::V2
