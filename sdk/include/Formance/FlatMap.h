// The SDK's map for JSON objects with arbitrary keys (additionalProperties: metadata, volumes per
// account and asset, balances per asset). A sorted array of (key, value) pairs: one allocation per
// map instead of one per entry as in QMap, and none for a map of one entry (kept inline). A 1,000-transaction
// page holds about 30,000 such entries, and their allocation was most of the time spent building the typed
// models (README, Benchmarks). Its interface is the subset of QMap's that callers use, with the same meaning
// (iteration in key order, `*it` is the value, it.key(), value(key, fallback), insert replaces), and it
// converts to and from QMap.
#pragma once

#include <QList>
#include <QMap>

#include <algorithm>
#include <optional>
#include <utility>

namespace Formance {

template <class Key, class T> class FlatMap {
    using Entry = std::pair<Key, T>;
    using Storage = QList<Entry>;

public:
    using key_type = Key;
    using mapped_type = T;
    using size_type = qsizetype;

    template <class E, class Ref> class Iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using difference_type = qsizetype;
        using value_type = T;
        using pointer = std::remove_reference_t<Ref> *;
        using reference = Ref;

        Iterator() = default;
        explicit Iterator(E *it)
            : m_it(it) {}
        template <class F, class R>
        Iterator(const Iterator<F, R> &o) // NOLINT(google-explicit-constructor): iterator → const_iterator
            : m_it(o.base()) {}
        const Key &key() const { return m_it->first; }
        Ref value() const { return m_it->second; }
        Ref operator*() const { return m_it->second; }
        pointer operator->() const { return &m_it->second; }
        Iterator &operator++() {
            ++m_it;
            return *this;
        }
        Iterator operator++(int) { return Iterator(m_it++); }
        Iterator &operator--() {
            --m_it;
            return *this;
        }
        Iterator operator+(qsizetype n) const { return Iterator(m_it + n); }
        qsizetype operator-(const Iterator &o) const { return m_it - o.m_it; }
        bool operator==(const Iterator &o) const { return m_it == o.m_it; }
        E *base() const { return m_it; }

    private:
        E *m_it = nullptr;
    };
    using iterator = Iterator<Entry, T &>;
    using const_iterator = Iterator<const Entry, const T &>;
    using ConstIterator = const_iterator;

    FlatMap() = default;
    FlatMap(std::initializer_list<Entry> entries) {
        for (const Entry &e : entries)
            insert(e.first, e.second);
    }
    FlatMap(const QMap<Key, T> &map) { // NOLINT(google-explicit-constructor): drop-in for QMap
        reserve(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            appendUnsorted(it.key()) = it.value(); // QMap's order is the key order
    }
    operator QMap<Key, T>() const { // NOLINT(google-explicit-constructor)
        QMap<Key, T> out;
        for (const Entry &e : entries())
            out.insert(out.cend(), e.first, e.second);
        return out;
    }
    QMap<Key, T> toQMap() const { return *this; }

    qsizetype size() const { return m_one ? 1 : m_entries.size(); }
    qsizetype count() const { return size(); }
    bool isEmpty() const { return size() == 0; }
    bool empty() const { return isEmpty(); }
    void clear() {
        m_one.reset();
        m_entries.clear();
    }
    void reserve(qsizetype n) {
        if (n <= 1)
            return; // one entry needs no room: it lives inline
        spill();
        m_entries.reserve(n);
    }

    const_iterator begin() const { return const_iterator(first()); }
    const_iterator end() const { return const_iterator(first() + size()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    const_iterator constBegin() const { return begin(); }
    const_iterator constEnd() const { return end(); }
    iterator begin() { return iterator(first()); }
    iterator end() { return iterator(first() + size()); }

    const_iterator constFind(const Key &key) const {
        const Entry *it = lower(key);
        return it != end().base() && it->first == key ? const_iterator(it) : end();
    }
    const_iterator find(const Key &key) const { return constFind(key); }
    iterator find(const Key &key) {
        const qsizetype i = lower(key) - std::as_const(*this).first();
        return i < size() && first()[i].first == key ? iterator(first() + i) : end();
    }
    bool contains(const Key &key) const { return constFind(key) != end(); }
    T value(const Key &key, const T &fallback = T()) const {
        const auto it = constFind(key);
        return it != end() ? *it : fallback;
    }
    T &operator[](const Key &key) { return *insertSlot(key); }
    T operator[](const Key &key) const { return value(key); }

    iterator insert(const Key &key, const T &value) {
        iterator it = insertSlot(key);
        *it = value;
        return it;
    }
    qsizetype remove(const Key &key) {
        const qsizetype i = lower(key) - std::as_const(*this).first();
        if (i == size() || !(std::as_const(*this).first()[i].first == key))
            return 0;
        removeAt(i);
        return 1;
    }
    iterator erase(const_iterator it) {
        const qsizetype i = it.base() - std::as_const(*this).first();
        removeAt(i);
        return iterator(first() + i);
    }
    T take(const Key &key) {
        T out = value(key);
        remove(key);
        return out;
    }

    QList<Key> keys() const {
        QList<Key> out;
        out.reserve(size());
        for (const Entry &e : entries())
            out.append(e.first);
        return out;
    }
    QList<T> values() const {
        QList<T> out;
        out.reserve(size());
        for (const Entry &e : entries())
            out.append(e.second);
        return out;
    }
    const Key &firstKey() const { return first()->first; }
    const Key &lastKey() const { return first()[size() - 1].first; }

    bool operator==(const FlatMap &o) const {
        return size() == o.size() && std::equal(first(), first() + size(), o.first());
    }

    // For decoders: append in any order, then finish() once. Entries usually arrive sorted (Go's
    // encoder sorts map keys), so finish() is then one pass; a repeated key keeps its last value,
    // as QMap::insert would.
    T &appendUnsorted(Key key, T value = T{}) {
        if (isEmpty() && m_entries.capacity() == 0) {
            m_one.emplace(std::move(key), std::move(value));
            return m_one->second;
        }
        spill();
        m_entries.emplace_back(std::move(key), std::move(value));
        return m_entries.last().second;
    }
    void finish() {
        if (m_one)
            return; // one entry is sorted
        const auto less = [](const Entry &a, const Entry &b) { return a.first < b.first; };
        const auto notAscending = [](const Entry &a, const Entry &b) { return !(a.first < b.first); };
        if (std::adjacent_find(m_entries.cbegin(), m_entries.cend(), notAscending) == m_entries.cend())
            return; // strictly ascending: sorted, no repeated key
        std::stable_sort(m_entries.begin(), m_entries.end(), less);
        Storage unique;
        unique.reserve(m_entries.size());
        for (Entry &e : m_entries) {
            if (!unique.isEmpty() && unique.last().first == e.first)
                unique.last().second = std::move(e.second);
            else
                unique.append(std::move(e));
        }
        m_entries = std::move(unique);
    }

private:
    // The entries in key order, contiguous: the inline one, or the list's.
    const Entry *first() const { return m_one ? &*m_one : m_entries.constData(); }
    Entry *first() { return m_one ? &*m_one : m_entries.data(); }
    struct Range {
        const Entry *b, *e;
        const Entry *begin() const { return b; }
        const Entry *end() const { return e; }
    };
    Range entries() const { return {first(), first() + size()}; }

    // The inline entry moves to the list (before a second one comes).
    void spill() {
        if (!m_one)
            return;
        m_entries.reserve(2);
        m_entries.append(std::move(*m_one));
        m_one.reset();
    }
    void removeAt(qsizetype i) {
        if (m_one)
            m_one.reset();
        else
            m_entries.removeAt(i);
    }
    const Entry *lower(const Key &key) const {
        return std::lower_bound(first(), first() + size(), key,
                                [](const Entry &e, const Key &k) { return e.first < k; });
    }
    iterator insertSlot(const Key &key) {
        const qsizetype i = lower(key) - std::as_const(*this).first();
        if (i < size() && first()[i].first == key)
            return iterator(first() + i);
        if (isEmpty() && m_entries.capacity() == 0) {
            m_one.emplace(key, T{});
            return begin();
        }
        spill();
        m_entries.insert(i, Entry(key, T{}));
        return iterator(m_entries.data() + i);
    }

    // Most maps of a page hold one entry (an account's one asset in its volumes, a one-key
    // metadata): it lives here, without an allocation. Either this holds the only entry and the
    // list is empty, or this is empty and the list holds them all.
    std::optional<Entry> m_one;
    Storage m_entries;
};

} // namespace Formance
