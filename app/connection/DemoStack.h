// The built-in demo stack: the formance-sandbox server, seeded with demo data, running in
// memory on its own thread on a free loopback port, with a client id and secret made up
// for this run.
#pragma once

#include "SdkConfig.h"

#include <memory>

class DemoStack {
public:
    DemoStack();
    ~DemoStack();

    bool start(QString *error);
    Formance::SdkConfig sdkConfig() const;
    quint16 port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
