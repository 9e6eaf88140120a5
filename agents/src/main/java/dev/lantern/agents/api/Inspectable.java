package dev.lantern.agents.api;

/** A snapshot whose network can be inspected (recorded, intervened on, differentiated) through the seam. */
public interface Inspectable {

    /** The inspection seam over the snapshot's private copy of the network. */
    InspectableNetwork inspect();
}
