// Holds the one SDK call an owner (a model, a controller) has in flight.
//
//   m_call->start(api.getLedger({m_ledger}), [this](const auto &body) { ...use body->data... });
//
// Starting a call cancels the one it replaces (a reload never downloads and decodes a superseded
// page), and so does the holder's end with its owner. Only the current call's answer reaches the
// continuation, so owners keep no generation counters. The holder owns `busy` and `error`: an
// SDK Error is turned into text here, once (ErrorText), and a response without the body the
// operation promises is an error here too, never a branch at each call site.
#pragma once

#include "core/ErrorText.h"
#include <Formance/Call.h>

#include <QObject>

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

class CallHolder : public QObject {
    Q_OBJECT
public:
    explicit CallHolder(QObject *owner);
    ~CallHolder() override;

    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    // An error found before any call (a form check, "not connected"): shown like a call's error.
    void setError(const QString &error);
    void clearError() { setError({}); }
    // Cancels the call in flight, if any; its answer is dropped.
    void cancel();
    // The server the calls go to, named in their error texts ("Test connection" of a profile).
    void setServerUrl(const QString &serverUrl) { m_serverUrl = serverUrl; }

    // Starts `call`, canceling the one in flight. On success `onOk` gets the response's body (for
    // generated operations; where the body is optional a missing one is an error) or, for calls
    // without one, the value itself. `onError(text)`, when given, runs after error() is set.
    template <class T, class OnOk>
    void start(const Formance::Call<T> &call, OnOk &&onOk,
               std::function<void(const QString &)> onError = {}) {
        const quint64 id = begin([call] { call.cancel(); });
        call.then(this, [this, id, onOk = std::forward<OnOk>(onOk),
                         onError = std::move(onError)](const Formance::Result<T> &result) mutable {
            if (id != m_current)
                return; // superseded or canceled
            QString error;
            if (!result)
                error = ErrorText::describe(result.error(), m_serverUrl);
            else if constexpr (hasOptionalBody<T>)
                if (!result->body)
                    error =
                        tr("The stack answered without the expected data (HTTP %1).").arg(result->statusCode);
            if (!error.isEmpty()) {
                finish(id, error);
                if (onError)
                    onError(error);
                return;
            }
            // The continuation runs while still busy, so a view sees its rows before loading ends;
            // it may start the next call (then that one is current and stays busy).
            if constexpr (hasOptionalBody<T>)
                onOk(*result->body);
            else if constexpr (hasBody<T>)
                onOk(result->body);
            else
                onOk(result.value());
            finish(id, {});
        });
    }

    // Like start(), for a read where "not found" is an answer (an account never used: zero
    // balances): `onOk` gets the body, or nullopt when the stack answered 404.
    template <class T, class OnOk> void startOrNotFound(const Formance::Call<T> &call, OnOk &&onOk) {
        using Body = BodyOf<T>;
        const quint64 id = begin([call] { call.cancel(); });
        call.then(this,
                  [this, id, onOk = std::forward<OnOk>(onOk)](const Formance::Result<T> &result) mutable {
                      if (id != m_current)
                          return;
                      if (!result && result.error().httpStatus() == 404) {
                          onOk(std::optional<Body>());
                          finish(id, {});
                          return;
                      }
                      if (!result) {
                          finish(id, ErrorText::describe(result.error(), m_serverUrl));
                          return;
                      }
                      if constexpr (hasOptionalBody<T>) {
                          if (!result->body) {
                              finish(id, tr("The stack answered without the expected data (HTTP %1).")
                                             .arg(result->statusCode));
                              return;
                          }
                          onOk(std::optional<Body>(*result->body));
                      } else {
                          onOk(std::optional<Body>(result->body));
                      }
                      finish(id, {});
                  });
    }

signals:
    void busyChanged();
    void errorChanged();

private:
    // Generated responses: a body the operation always has, or (several 2xx answers, some
    // without one) an optional body.
    template <class T> static constexpr bool hasBody = requires(const T &t) { t.body; };
    template <class T> static constexpr bool hasOptionalBody = requires(const T &t) {
        t.body.has_value();
        *t.body;
    };
    template <class T> struct BodyType { using type = std::decay_t<decltype(std::declval<T>().body)>; };
    template <class T>
    requires hasOptionalBody<T>
    struct BodyType<T> {
        using type = std::decay_t<decltype(*std::declval<T>().body)>;
    };
    template <class T> using BodyOf = typename BodyType<T>::type;

    quint64 begin(std::function<void()> cancel);
    void finish(quint64 id, const QString &error);
    void setBusy(bool busy);

    quint64 m_current = 0;
    std::function<void()> m_cancel;
    bool m_busy = false;
    QString m_error;
    QString m_serverUrl;
};
