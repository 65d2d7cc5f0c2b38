package io.betapool.sample.text;

import java.util.List;

/**
 * A fixed-size embedding of text by feature hashing: every term and every character trigram of a
 * term adds ±weight to one of {@value #DIMENSIONS} dimensions, the sign taken from another bit of the
 * hash; the vector is then scaled to unit length, so the dot product of two embeddings is their cosine
 * similarity.
 *
 * <p>Terms weigh 1 and trigrams 0.5: whole words dominate, subwords bridge "threads" and "threading".
 */
public final class HashedEmbedding {

	/** Length of every embedding. */
	public static final int DIMENSIONS = 512;

	private static final float TERM_WEIGHT = 1.0f;

	private static final float TRIGRAM_WEIGHT = 0.5f;

	private HashedEmbedding() {
	}

	/**
	 * The unit-length embedding of {@code terms}; all zeros when there are none.
	 */
	public static float[] of(List<String> terms) {
		float[] vector = new float[DIMENSIONS];
		for (String term : terms) {
			add(vector, term.hashCode(), TERM_WEIGHT);
			String padded = "^" + term + "$";
			for (int i = 0; i + 3 <= padded.length(); i++) {
				add(vector, padded.substring(i, i + 3).hashCode() * 31 + 7, TRIGRAM_WEIGHT);
			}
		}
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm > 0) {
			float scale = (float) (1.0 / Math.sqrt(norm));
			for (int i = 0; i < vector.length; i++) {
				vector[i] *= scale;
			}
		}
		return vector;
	}

	/**
	 * The cosine similarity of two embeddings made by {@link #of(List)}, from −1 to 1.
	 */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	private static void add(float[] vector, int hash, float weight) {
		int mixed = hash * 0x9E3779B9;
		int index = Math.floorMod(mixed >>> 7, DIMENSIONS);
		vector[index] += ((mixed & 1) == 0) ? weight : -weight;
	}

}
