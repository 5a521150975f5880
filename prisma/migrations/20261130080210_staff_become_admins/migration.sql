-- Hand-written: staff accounts made before départements existed saw everything; they become national
-- admins, who then give staff their départements. (A separate migration: PostgreSQL cannot use an enum
-- value in the transaction that added it.)
UPDATE "User" SET "role" = 'admin' WHERE "role" = 'staff';
