#include <Formance/Client.h>

namespace Formance {

// The QObject base is built first, so the transport can be parented to this client before Apis takes it.
Client::Client(SdkConfig config, QObject *parent)
    : QObject(parent)
    , Apis(new Transport(std::move(config), this))
    , m_transport(apiTransport()) {}

Client::~Client() = default;

} // namespace Formance
