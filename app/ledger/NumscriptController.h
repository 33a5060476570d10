// The Numscript page: a script and the values of its `vars`, a dry run (createTransaction with
// dryRun and the script) that shows the postings it would make and the balances before → after,
// and a commit with an idempotency key that stays the same until the script or a value changes.
// A refusal from the ledger is placed at the line it names; locally only what is certain is
// checked (a declared variable left empty, a value that cannot be of its type). Scripts are saved
// per profile on disk (the script and its values: no secret), beside a few examples for the demo.
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>

class NumscriptController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    Q_PROPERTY(QString script READ script WRITE setScript NOTIFY formChanged)
    // The declared variables {name, type, line, value}, rebuilt only when the declarations change
    // (typing a value never rebuilds the form).
    Q_PROPERTY(QVariantList variableRows READ variableRows NOTIFY variablesChanged)
    Q_PROPERTY(QVariantMap values READ values NOTIFY formChanged)
    // name -> why its value is refused.
    Q_PROPERTY(QVariantMap variableErrors READ variableErrors NOTIFY formChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY formChanged)
    // The script's error, from the ledger or the local checks, and the line (1-based, 0: none)
    // and column (0: unknown) it names.
    Q_PROPERTY(QString scriptError READ scriptError NOTIFY scriptErrorChanged)
    Q_PROPERTY(int errorLine READ errorLine NOTIFY scriptErrorChanged)
    Q_PROPERTY(int errorColumn READ errorColumn NOTIFY scriptErrorChanged)
    // The dry run's postings {source, destination, amount, asset} and balances (BalanceDiff rows).
    Q_PROPERTY(QVariantList postings READ postings NOTIFY previewChanged)
    Q_PROPERTY(QVariantList preview READ preview NOTIFY previewChanged)
    Q_PROPERTY(bool previewed READ previewed NOTIFY previewChanged)
    Q_PROPERTY(QString committedId READ committedId NOTIFY committedIdChanged)
    // Saved scripts then examples: {name, example}.
    Q_PROPERTY(QVariantList library READ library NOTIFY libraryChanged)
public:
    explicit NumscriptController(QObject *parent = nullptr);

    QString script() const { return m_script; }
    void setScript(const QString &script);
    QVariantList variableRows() const { return m_variableRows; }
    QVariantMap values() const { return m_values; }
    QVariantMap variableErrors() const { return m_variableErrors; }
    bool valid() const;
    QString scriptError() const { return m_scriptError; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    QVariantList postings() const { return m_postings; }
    QVariantList preview() const { return m_preview; }
    bool previewed() const { return m_previewed; }
    QString committedId() const { return m_committedId; }
    QVariantList library() const;

    Q_INVOKABLE void setValue(const QString &name, const QString &value);
    Q_INVOKABLE void dryRun();
    Q_INVOKABLE void commit();
    Q_INVOKABLE void clear();
    // Saves the script and its values under `name` (replacing one of that name).
    Q_INVOKABLE bool save(const QString &name);
    // Loads a saved script or an example.
    Q_INVOKABLE bool open(const QString &name);
    Q_INVOKABLE bool remove(const QString &name);
    // The first example offered ("" when none), whether `name` is a saved script, whether the
    // script declares a variable of `type`.
    Q_INVOKABLE QString firstExample() const;
    Q_INVOKABLE bool isSaved(const QString &name) const;
    Q_INVOKABLE bool declares(const QString &type) const;

    QString idempotencyKey() const { return m_idempotencyKey; } // for tests
    // Where this profile's scripts live (tests).
    QString libraryFile() const;
    // The line and column a ledger's Numscript error names ("numscript line 3: …", "3:14 …").
    static std::pair<int, int> errorPosition(const QString &message);
    // The declarations of a script's vars block: {name, type, line, computed} (computed: a
    // value the script reads itself, `= balance(…)` / `meta(…)`).
    static QVariantList declarations(const QString &script);

signals:
    void ledgerChanged();
    void formChanged();
    void variablesChanged();
    void scriptErrorChanged();
    void previewChanged();
    void committedIdChanged();
    void libraryChanged();
    void committed(const QString &transactionId);

private:
    void edited();
    void validate();
    void setScriptError(const QString &error, int line, int column);
    void setPreview(const QVariantList &postings, const QVariantList &preview, bool previewed);
    // The vars as the ledger takes them (monetary values as "USD/2 1234"); nullopt when invalid.
    std::optional<QVariantMap> wireVars() const;
    bool startCall(bool dryRun);
    QVariantList savedScripts() const;
    void writeSaved(const QVariantList &scripts);
    void sessionChangedEvent() override { emit libraryChanged(); }

    QString m_ledger;
    QString m_script;
    QVariantList m_variableRows;
    QVariantList m_declared;
    QVariantMap m_values;
    QVariantMap m_variableErrors;
    QString m_scriptError;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QVariantList m_postings;
    QVariantList m_preview;
    bool m_previewed = false;
    QString m_committedId;
    QString m_idempotencyKey;
};
