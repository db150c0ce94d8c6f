#pragma once

#include "render/rectgrid.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace stackplan {

// The drawn geometry of one connection: one or two legs (through an intermediary box), each an
// orthogonal polyline from a box border to a box border with an arrow head at its end, and the
// rect of the label, which sits on the first leg where it covers no box.
struct Route {
    std::vector<std::vector<QPointF>> legs;
    QRectF label;
    bool operator==(const Route &) const = default;
};

// Orthogonal connection routing with obstacle avoidance, shared by the canvas and every export
// so both show the same geometry. Each leg leaves its box from the side facing the other box
// (ports spread along the side, ordered by where the other ends are), then takes the first clear
// one of a few two-bend shapes through the channels between boxes, or, when all of them are
// blocked, the shortest path with fewest bends on a local orthogonal visibility grid (A*). No
// segment enters a box other than at its two ends' borders; boxes are kept `kClearance` apart.
// Finally segments that share a channel are spread apart, and labels are placed where they
// cover no box and no earlier label.
//
// The router is incremental: set or remove boxes and links, then update() re-routes only the
// legs a change can affect (those at moved boxes and their neighbours, and those whose search
// region met a moved box) and returns the links whose route changed. The result is always the
// same as routing everything from scratch (routeAll), which the tests check.
class Router
{
public:
    struct Link {
        QString from;
        QString to;
        QString via; // drawn through this box when it is on the diagram
        QSizeF labelSize;
        bool operator==(const Link &) const = default;
    };

    static constexpr double kClearance = 12; // free space kept around boxes
    static constexpr double kPortSpacing = 18;
    static constexpr double kChannelSpacing = 8; // between segments that share a channel

    void setBox(const QString &id, const QRectF &rect);
    void removeBox(const QString &id);
    void setLink(const QString &id, const Link &link);
    void removeLink(const QString &id);
    void clear();

    // Routes what changed since the last call; returns the ids of links whose route changed, in
    // id order.
    QStringList update();
    const Route &route(const QString &id) const;
    const std::map<QString, Route> &routes() const { return m_routes; }
    // How many legs the last update() routed (for tests of incrementality).
    int lastRoutedLegs() const { return m_lastRouted; }

    static std::map<QString, Route> routeAll(const std::map<QString, QRectF> &boxes,
                                             const std::map<QString, Link> &links);

    enum Side { East, South, West, North };

private:
    struct Box {
        QString id;
        QRectF rect;
        bool alive = false;
    };
    struct Leg {
        int a = -1; // box indices
        int b = -1;
        Side sa = East;
        Side sb = West;
        QPointF pa;
        QPointF pb;
        std::vector<QPointF> raw; // before channel spreading
        QRectF depends;           // every obstacle query made while routing it
        bool routed = false;
    };
    struct LinkState {
        Link link;
        std::vector<Leg> legs;
    };

    int boxIndex(const QString &id) const { return m_boxIndex.value(id, -1); }
    void assignPorts();
    void routeLeg(Leg &leg) const;
    bool clear(const QPointF &p, const QPointF &q, const Leg &leg, QRectF *depends) const;
    bool findPath(Leg &leg, const QRectF &window) const;
    void spreadChannels(std::map<QString, Route> &routes) const;
    void placeLabels(std::map<QString, Route> &routes) const;

    std::vector<Box> m_boxes;
    QHash<QString, int> m_boxIndex;
    RectGrid m_grid; // inflated box rects
    std::map<QString, LinkState> m_links;
    std::map<QString, Route> m_routes;
    std::vector<QRectF> m_movedRects; // old and new rects of boxes changed since the last update
    bool m_linksChanged = false;
    int m_lastRouted = 0;
};

} // namespace stackplan
