/** Who reads the programme office's pages: its staff (admin, viewer) and the agencies. */
export const PROGRAMME_READERS = ['programme_admin', 'programme_viewer', 'agency'] as const;

/** Who changes the catalogue's requirement sets through its pages. */
export const CATALOGUE_ADMIN = 'programme_admin';
