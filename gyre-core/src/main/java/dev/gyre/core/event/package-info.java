/**
 * Events as JSON objects: decoding with size and syntax checks ({@link dev.gyre.core.event.EventCodec})
 * and checking against the declared fields ({@link dev.gyre.core.event.EventSchema}). Every
 * rejection is a {@link dev.gyre.core.event.Rejection} with a stable reason code, never an exception
 * that could stop a stage.
 */
package dev.gyre.core.event;
