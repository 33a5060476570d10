// The SDK's map for JSON objects with arbitrary keys (additionalProperties: metadata, volumes per
// account and asset, balances per asset). A sorted array of (key, value) pairs: one allocation per
// map instead of one per entry as in QMap. A 1,000-transaction page holds about 30,000 such entries,
// and their allocation was most of the time spent building the typed models (README, Benchmarks).
// Its interface is the subset of QMap's that callers use, with the same meaning (iteration in key
// order, `*it` is the value, it.key(), value(key, fallback), insert replaces), and it converts to
// and from QMap.
#pragma once

#include <QList>
#include <QMap>

#include <algorithm>
#include <utility>

namespace Formance {

template <class Key, class T> class FlatMap {
    using Entry = std::pair<Key, T>;
    using Storage = QList<Entry>;

public:
    using key_type = Key;
    using mapped_type = T;
    using size_type = qsizetype;

    template <class Base, class Ref> class Iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using difference_type = qsizetype;
        using value_type = T;
        using pointer = std::remove_reference_t<Ref> *;
        using reference = Ref;

        Iterator() = default;
        explicit Iterator(Base it)
            : m_it(it) {}
        template <class B, class R>
        Iterator(const Iterator<B, R> &o) // NOLINT(google-explicit-constructor): iterator → const_iterator
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
        Base base() const { return m_it; }

    private:
        Base m_it{};
    };
    using iterator = Iterator<typename Storage::iterator, T &>;
    using const_iterator = Iterator<typename Storage::const_iterator, const T &>;
    using ConstIterator = const_iterator;

    FlatMap() = default;
    FlatMap(std::initializer_list<Entry> entries) {
        for (const Entry &e : entries)
            insert(e.first, e.second);
    }
    FlatMap(const QMap<Key, T> &map) { // NOLINT(google-explicit-constructor): drop-in for QMap
        m_entries.reserve(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            m_entries.emplace_back(it.key(), it.value());
    }
    operator QMap<Key, T>() const { // NOLINT(google-explicit-constructor)
        QMap<Key, T> out;
        for (const Entry &e : m_entries)
            out.insert(out.cend(), e.first, e.second);
        return out;
    }
    QMap<Key, T> toQMap() const { return *this; }

    qsizetype size() const { return m_entries.size(); }
    qsizetype count() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    bool empty() const { return m_entries.isEmpty(); }
    void clear() { m_entries.clear(); }
    void reserve(qsizetype n) { m_entries.reserve(n); }

    const_iterator begin() const { return const_iterator(m_entries.cbegin()); }
    const_iterator end() const { return const_iterator(m_entries.cend()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    const_iterator constBegin() const { return begin(); }
    const_iterator constEnd() const { return end(); }
    iterator begin() { return iterator(m_entries.begin()); }
    iterator end() { return iterator(m_entries.end()); }

    const_iterator constFind(const Key &key) const {
        const auto it = lower(key);
        return it != m_entries.cend() && it->first == key ? const_iterator(it) : end();
    }
    const_iterator find(const Key &key) const { return constFind(key); }
    iterator find(const Key &key) {
        const qsizetype i = lower(key) - m_entries.cbegin();
        return i < size() && m_entries.at(i).first == key ? iterator(m_entries.begin() + i) : end();
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
        const qsizetype i = lower(key) - m_entries.cbegin();
        if (i == size() || !(m_entries.at(i).first == key))
            return 0;
        m_entries.removeAt(i);
        return 1;
    }
    iterator erase(const_iterator it) {
        const qsizetype i = it.base() - m_entries.cbegin();
        m_entries.removeAt(i);
        return iterator(m_entries.begin() + i);
    }
    T take(const Key &key) {
        T out = value(key);
        remove(key);
        return out;
    }

    QList<Key> keys() const {
        QList<Key> out;
        out.reserve(size());
        for (const Entry &e : m_entries)
            out.append(e.first);
        return out;
    }
    QList<T> values() const {
        QList<T> out;
        out.reserve(size());
        for (const Entry &e : m_entries)
            out.append(e.second);
        return out;
    }
    const Key &firstKey() const { return m_entries.first().first; }
    const Key &lastKey() const { return m_entries.last().first; }

    bool operator==(const FlatMap &o) const { return m_entries == o.m_entries; }

    // For decoders: append in any order, then finish() once. Entries usually arrive sorted (Go's
    // encoder sorts map keys), so finish() is then one pass; a repeated key keeps its last value,
    // as QMap::insert would.
    T &appendUnsorted(Key key) {
        m_entries.emplace_back(std::move(key), T{});
        return m_entries.last().second;
    }
    void finish() {
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
    typename Storage::const_iterator lower(const Key &key) const {
        return std::lower_bound(m_entries.cbegin(), m_entries.cend(), key,
                                [](const Entry &e, const Key &k) { return e.first < k; });
    }
    iterator insertSlot(const Key &key) {
        const qsizetype i = lower(key) - m_entries.cbegin();
        if (i == size() || !(m_entries.at(i).first == key))
            m_entries.insert(i, Entry(key, T{}));
        return iterator(m_entries.begin() + i);
    }

    Storage m_entries;
};

} // namespace Formance
