// What the generated operations (sdk/generated/formance/<group>/<version>) call to build an
// HttpRequest from a typed request and to read the typed response: parameter text, query, header and
// path encoding, body decoding, the Count header. Written by hand, spec-independent, included by the
// generated .cpp files only.
#pragma once

#include <Formance/ApiGeneration.h>
#include <Formance/BigInt.h>
#include <Formance/Call.h>
#include <Formance/HttpMessage.h>
#include <Formance/ResponseDecoding.h>
#include <Formance/StackVersions.h>
#include <Formance/Timestamp.h>
#include <Formance/Transport.h>
#include <Formance/json/JsonCodec.h>

#include <QPointer>
#include <QPromise>

#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace Formance::Detail {

inline QString paramText(const QString &v) {
    return v;
}
inline QString paramText(bool v) {
    return v ? QStringLiteral("true") : QStringLiteral("false");
}
inline QString paramText(qint64 v) {
    return QString::number(v);
}
inline QString paramText(int v) {
    return QString::number(v);
}
inline QString paramText(double v) {
    return QString::number(v, 'g', 17);
}
inline QString paramText(const BigInt &v) {
    return v.toString();
}
inline QString paramText(const Timestamp &v) {
    return v.toString();
}

// Query parameters, form style: arrays exploded (name=a&name=b).
template <class T> void addQuery(HttpRequest &r, const QString &name, const T &v) {
    r.query.append({name, paramText(v)});
}
template <class T> void addQuery(HttpRequest &r, const QString &name, const QList<T> &v) {
    for (const T &item : v)
        r.query.append({name, paramText(item)});
}
template <class T> void addQuery(HttpRequest &r, const QString &name, const std::optional<T> &v) {
    if (v)
        addQuery(r, name, *v);
}

// deepObject style: name[key]=value.
template <class T> void addDeepObject(HttpRequest &r, const QString &name, const FlatMap<QString, T> &v) {
    for (auto it = v.cbegin(); it != v.cend(); ++it)
        r.query.append({name + u'[' + it.key() + u']', paramText(it.value())});
}
template <class T> void addDeepObject(HttpRequest &r, const QString &name, const std::optional<T> &v) {
    if (v)
        addDeepObject(r, name, *v);
}

template <class T> void addHeader(HttpRequest &r, const QByteArray &name, const T &v) {
    r.headers.append({name, paramText(v).toUtf8()});
}
template <class T> void addHeader(HttpRequest &r, const QByteArray &name, const std::optional<T> &v) {
    if (v)
        addHeader(r, name, *v);
}

template <class T> QString pathSegment(const T &v) {
    return encodePathSegment(paramText(v));
}

// Decodes a JSON body into `out` (from `parsed`, the same body already parsed, when given); a
// decode error names the JSON path.
template <class T>
std::optional<Error> decodeBody(const HttpResponse &response, std::optional<T> &out,
                                const Json::Document *parsed = nullptr) {
    if (auto bad = checkJsonBody(response))
        return bad;
    T value{};
    const Json::DecodeResult decoded =
        parsed ? Json::decode(*parsed, value) : Json::decodeOnePass(response.body, value);
    if (!decoded.ok)
        return decodeError(response, decoded.error);
    out = std::move(value);
    return std::nullopt;
}

// The same for an operation with a single success answer: its body is always there.
template <class T>
std::optional<Error> decodeBody(const HttpResponse &response, T &out,
                                const Json::Document *parsed = nullptr) {
    std::optional<T> value;
    if (auto error = decodeBody(response, value, parsed))
        return error;
    out = std::move(*value);
    return std::nullopt;
}

// A 2xx answer other than the operation's one success status: a Decode error (the body is not what
// the operation declares).
inline Error unexpectedStatus(const HttpResponse &response, int expected) {
    return decodeError(
        response,
        QStringLiteral("answered HTTP %1; the operation answers %2").arg(response.status).arg(expected));
}

// The Count header of the count operations (HEAD), exact.
inline std::optional<Error> countHeader(const HttpResponse &response, std::optional<BigInt> &out) {
    const QByteArray text = response.header("Count").trimmed();
    if (text.isEmpty())
        return std::nullopt;
    auto value = BigInt::fromString(std::string_view(text.constData(), size_t(text.size())));
    if (!value)
        return decodeError(
            response,
            QStringLiteral("the Count header is not an integer: %1").arg(QString::fromLatin1(text)));
    out = std::move(*value);
    return std::nullopt;
}

// A JSON value as one query parameter's text (v3.0.1's `query` filter parameter).
template <class T> void addJsonQuery(HttpRequest &r, const QString &name, const T &v) {
    r.query.append({name, QString::fromUtf8(Json::encode(v))});
}

// getVersions' answer as the SDK keeps it (any model with `name` and `version`).
template <class V> QList<ServiceVersion> serviceVersions(const QList<V> &versions) {
    QList<ServiceVersion> out;
    out.reserve(versions.size());
    for (const V &v : versions)
        out.append({v.name, v.version});
    return out;
}

// Sends an operation the two generations disagree on, in the form of the generation of `service`
// (see StackVersions): at once when it is decided, else after the stack said which versions it runs.
// Cancelling the call cancels whichever step is under way.
template <class R, class MakeHttp, class Read>
Call<R> sendAs(Transport *transport, StackVersions &stack, const QString &service, const CallOptions &options,
               MakeHttp makeHttp, Read read) {
    std::optional<ApiGeneration> now = options.apiGeneration;
    if (!now)
        now = stack.decided(service);
    if (now)
        return transport->execute(makeHttp(*now)).template map<R>(std::move(read));

    struct State {
        QPromise<Result<R>> promise;
        std::optional<Call<R>> sent;
        bool done = false;
        void finish(Result<R> result) {
            if (done)
                return;
            done = true;
            promise.addResult(std::move(result));
            promise.finish();
        }
    };
    auto state = std::make_shared<State>();
    state->promise.start();
    QFuture<Result<ApiGeneration>> asked = stack.resolve(service).future();
    asked.then(QtFuture::Launch::Sync, [state, target = QPointer<Transport>(transport),
                                        makeHttp = std::move(makeHttp),
                                        read = std::move(read)](QFuture<Result<ApiGeneration>> f) mutable {
        const Result<ApiGeneration> generation = Call<ApiGeneration>::takeResult(f);
        if (state->done)
            return; // canceled meanwhile
        if (!generation) {
            state->finish(generation.error());
            return;
        }
        if (!target) {
            state->finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
            return;
        }
        Call<R> call = target->execute(makeHttp(generation.value())).template map<R>(std::move(read));
        state->sent = call;
        QFuture<Result<R>> answer = call.future();
        answer.then(QtFuture::Launch::Sync,
                    [state](QFuture<Result<R>> a) { state->finish(Call<R>::takeResult(a)); });
    });
    return Call<R>(state->promise.future(), [state] {
        if (state->sent)
            state->sent->cancel();
        else
            state->finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
    });
}

} // namespace Formance::Detail
