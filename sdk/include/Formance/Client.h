// The entry point of the SDK. Generated API groups (ledger(), payments() ...) hang off it (see
// formance/Apis.h; include "formance/Sdk.h" to call them); all of them share this client's
// transport: one token, one retry policy, one network stack.
#pragma once

#include <Formance/Apis.h>
#include <Formance/Call.h>
#include <Formance/HttpMessage.h>
#include <Formance/SdkConfig.h>
#include <Formance/Transport.h>

#include <QObject>

#include <memory>

namespace Formance {

class Client : public QObject, public Apis {
    Q_OBJECT
public:
    explicit Client(SdkConfig config = {}, QObject *parent = nullptr);
    ~Client() override;

    Transport &transport() { return *m_transport; }
    const SdkConfig &config() const { return m_transport->config(); }

    // Sends a request built by hand, for what the generated operations do not cover.
    Call<HttpResponse> send(HttpRequest request) { return m_transport->execute(std::move(request)); }

private:
    Transport *m_transport;
};

} // namespace Formance
