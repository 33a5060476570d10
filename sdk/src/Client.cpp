#include "Client.h"

namespace Formance {

Client::Client(SdkConfig config, QObject *parent) : QObject(parent), m_transport(new Transport(std::move(config), this))
{
}

Client::~Client() = default;

} // namespace Formance
