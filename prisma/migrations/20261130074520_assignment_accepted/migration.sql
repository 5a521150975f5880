-- AlterEnum
ALTER TYPE "AssignmentStatus" ADD VALUE 'accepted';
