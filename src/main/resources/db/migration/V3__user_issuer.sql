-- Users are identified by (issuer, subject): two identity providers' users with the same subject, or an identity
-- provider's user whose subject happens to be "local", are different people. Rows made before this migration carry
-- issuer '' (not known) until the first sign-in of their subject adopts them (UserDirectory; an OIDC token never
-- adopts the local user's row). The local user's issuer is 'urn:atelier:local'.
alter table users add column issuer text not null default '';
alter table users drop constraint users_subject_key;
alter table users add constraint users_issuer_subject_key unique (issuer, subject);
