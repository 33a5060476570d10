// The payments service's tables in the shared SQLite store, and the writes and reads its parts
// share: accounts with their balance history, payments with their adjustments, and the JSON
// of each resource as the spec shapes it. Amounts are decimal text (exact, any size) with an
// amountKey column where lists sort or filter on them.
#pragma once

#include "ledger/LedgerStore.h"

#include <Formance/json/JsonWriter.h>

#include <map>
#include <optional>

namespace Formance::Sandbox::Payments {

struct AccountRow {
    QString id;
    QString connectorId;
    QString provider;
    QString reference;
    QString createdAt;
    QString defaultAsset;
    QString accountName;
    QString type = QStringLiteral("INTERNAL");
    Metadata metadata;
    QByteArray raw; // JSON object, or empty for null
};

struct PaymentRow {
    QString id;
    QString connectorId;
    QString provider;
    QString reference;
    QString type;
    QString status;
    BigInt initialAmount;
    BigInt amount;
    QString scheme;
    QString asset;
    QString createdAt;
    QString sourceAccountId;
    QString destinationAccountId;
    Metadata metadata;
    QByteArray raw;
};

class PaymentsStore {
public:
    explicit PaymentsStore(LedgerStore &db);
    LedgerStore &db() { return m_db; }

    // --- accounts and balances ---
    static QString accountId(const QString &reference, const QString &connectorId);
    void insertAccount(const AccountRow &a);
    bool accountExists(const QString &id);
    std::optional<AccountRow> account(const QString &id);
    // Records the balance from `at` on (a history row per change; an unchanged balance only
    // moves the row's lastUpdatedAt), so any past instant's balance can be read back.
    void setBalance(const QString &accountId, const QString &asset, const BigInt &balance, const QString &at);
    BigInt balance(const QString &accountId, const QString &asset, const QString &at = {});
    std::map<QString, BigInt> balancesAt(const QString &accountId, const QString &at);

    // --- payments ---
    static QString paymentId(const QString &reference, const QString &type, const QString &connectorId);
    void insertPayment(const PaymentRow &p);
    bool paymentExists(const QString &id);
    // Appends an adjustment and moves the payment to its status and amount.
    void adjustPayment(const QString &paymentId, const QString &reference, const QString &status,
                       const BigInt &amount, const QString &at, const QByteArray &raw = "{}");

    // --- connectors ---
    bool connectorExists(const QString &id);
    // Removes everything the connector brought in (accounts, balances, payments, tasks, its
    // transfer initiations, pool memberships and bank-account links); keeps the connector row.
    void clearConnectorData(const QString &connectorId);

    // Resource JSON. Column lists are for "SELECT <key>, <columns> FROM <table> t"; the
    // writers read from column `first` on.
    static const QString kAccountColumns, kPaymentColumns, kBalanceColumns, kBankAccountColumns,
        kTransferColumns, kPoolColumns, kTaskColumns;
    static void writeAccount(Json::Writer &w, const QSqlQuery &q, int first);
    static void writePayment(Json::Writer &w, const QSqlQuery &q, int first);
    static void writeBalance(Json::Writer &w, const QSqlQuery &q, int first);
    static void writeBankAccount(Json::Writer &w, const QSqlQuery &q, int first);
    static void writeTransfer(Json::Writer &w, const QSqlQuery &q, int first);
    static void writePool(Json::Writer &w, const QSqlQuery &q, int first);
    static void writeTask(Json::Writer &w, const QSqlQuery &q, int first);
    // {"data": <row>} for the row of `table` with this id, or nullopt.
    std::optional<QByteArray> one(const QString &table, const QString &columns, const QString &id,
                                  void (*writer)(Json::Writer &, const QSqlQuery &, int));

    // A JSON array text with one more element.
    static QString appended(const QString &array, const QByteArray &element);

private:
    LedgerStore &m_db;
};

} // namespace Formance::Sandbox::Payments
