// The built-in demo stack: the formance-sandbox server, seeded with demo data, running in
// memory on its own thread on a free loopback port, with a client id and secret made up
// for this run. Starting never blocks the caller: the very first start generates the demo
// data, which takes seconds.
#pragma once

#include <Formance/SdkConfig.h>

#include <QObject>

#include <functional>
#include <memory>

class DemoStack : public QObject {
    Q_OBJECT
public:
    explicit DemoStack(QObject *parent = nullptr);
    ~DemoStack() override;

    // Calls done(error) on this object's thread: an empty error once the stack listens.
    void start(std::function<void(const QString &error)> done);
    Formance::SdkConfig sdkConfig() const;
    quint16 port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
