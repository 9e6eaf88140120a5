package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.Cell;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * What moves over the grid between frames: the demo agent, its trail and the hovered cell's outline, as four shapes
 * above the grid's canvas (mouse-transparent). They were a second canvas the size of the grid, which the software
 * renderer blended in full at every frame of the grid below it, transparent or not (about 2 of the 9-10 ms a frame
 * took to render under Xvfb, {@code lantern bench lab}); as shapes, a frame redraws only the few pixels they cover.
 * FX thread only.
 */
final class AgentLayer extends Group {

    private final Polyline trail = new Polyline();
    private final Circle agent = new Circle();
    private final Circle key = new Circle();
    private final Rectangle hover = new Rectangle();

    AgentLayer() {
        setMouseTransparent(true);
        setManaged(false);
        trail.setStroke(GridView.AGENT.deriveColor(0, 1, 1, 0.45));
        trail.setStrokeLineCap(StrokeLineCap.ROUND);
        trail.setStrokeLineJoin(StrokeLineJoin.ROUND);
        agent.setFill(GridView.AGENT);
        agent.setStroke(Color.WHITE);
        key.setFill(GridView.KEY);
        hover.setFill(null);
        hover.setStroke(Color.BLACK);
        hover.setStrokeWidth(2.5);
        getChildren().addAll(trail, agent, key, hover);
        clear();
    }

    /** Shows nothing (no world, or no room to draw it). */
    void clear() {
        for (var n : getChildren()) {
            n.setVisible(false);
        }
    }

    /**
     * Shows the agent at {@code s} with its {@code path} (null agent: none) and the outline of {@code hovered} (null:
     * none), on cells of side {@code cell} whose grid starts at ({@code x0}, {@code y0}) in the parent's coordinates.
     */
    void show(double x0, double y0, double cell, GridState s, List<Cell> path, Cell hovered) {
        if (s == null) {
            trail.setVisible(false);
            agent.setVisible(false);
            key.setVisible(false);
        } else {
            ObservableList<Double> points = trail.getPoints();
            Double[] xy = new Double[2 * path.size()];
            for (int i = 0; i < path.size(); i++) {
                xy[2 * i] = x0 + path.get(i).col() * cell + cell / 2;
                xy[2 * i + 1] = y0 + path.get(i).row() * cell + cell / 2;
            }
            points.setAll(xy); // one change, one redraw
            trail.setStrokeWidth(Math.max(2, cell * 0.08));
            trail.setVisible(path.size() > 1);
            double radius = cell * 0.27;
            double cx = x0 + s.col() * cell + cell / 2;
            double cy = y0 + s.row() * cell + cell / 2;
            agent.setCenterX(cx);
            agent.setCenterY(cy);
            agent.setRadius(radius);
            agent.setStrokeWidth(Math.max(1.5, cell * 0.04));
            agent.setVisible(true);
            key.setCenterX(cx);
            key.setCenterY(cy);
            key.setRadius(radius * 0.45);
            key.setVisible(s.holdsKey());
        }
        if (hovered == null) {
            hover.setVisible(false);
        } else {
            hover.setX(x0 + hovered.col() * cell + 1.5);
            hover.setY(y0 + hovered.row() * cell + 1.5);
            hover.setWidth(cell - 2);
            hover.setHeight(cell - 2);
            hover.setVisible(true);
        }
    }

    /** The agent's centre and radius as shown ({@code [x, y, r]}), or null when no agent is shown (tests). */
    double[] agentShown() {
        return agent.isVisible() ? new double[] {agent.getCenterX(), agent.getCenterY(), agent.getRadius()} : null;
    }

    /** The hovered cell's outline as shown ({@code [x, y, w, h]}), or null when none is (tests). */
    double[] hoverShown() {
        return hover.isVisible() ? new double[] {hover.getX(), hover.getY(), hover.getWidth(), hover.getHeight()}
                : null;
    }
}
